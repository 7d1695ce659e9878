import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnvironmentVariables } from '../config/env.validation';
import { secretoGenerado } from '../config/secreto-generado';
import { AuthController } from './auth.controller';
import { AuthGuard, RegistroGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SesionRevocada } from './sesion-revocada.entity';
import { Usuario } from './usuario.entity';
import { UsuariosController } from './usuarios.controller';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Usuario, SesionRevocada]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => ({
        secret: config.get('JWT_SECRET', { infer: true }) ?? secretoGenerado(config.get('DATA_DIR', { infer: true }), 'jwt-secret'),
        signOptions: { expiresIn: config.get('JWT_EXPIRES_IN', { infer: true }) },
      }),
    }),
  ],
  controllers: [AuthController, UsuariosController],
  providers: [AuthService, AuthGuard, RegistroGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [AuthGuard],
})
export class AuthModule {}
