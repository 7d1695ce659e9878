import { Injectable, Logger, OnApplicationBootstrap, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { compare, hash } from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { conflicto, noEncontrado } from '../common/errores';
import { EnvironmentVariables } from '../config/env.validation';
import { TransaccionesService } from '../database/transacciones.service';
import { LoginDto, RegistroDto, TokenDto } from './auth.dto';
import { LimitadorLogin } from './limitador-login';
import { Rol, Usuario } from './usuario.entity';

const COSTO_BCRYPT = 10;

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  private readonly limitador: LimitadorLogin;

  constructor(
    @InjectRepository(Usuario) private readonly usuarios: Repository<Usuario>,
    private readonly jwt: JwtService,
    private readonly tx: TransaccionesService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.limitador = new LimitadorLogin(config.get('LOGIN_MAX_FALLOS', { infer: true }), config.get('LOGIN_VENTANA_SEGUNDOS', { infer: true }) * 1000);
  }

  /** Replicas starting together on an empty database: one of them creates the first admin. */
  onApplicationBootstrap(): Promise<void> {
    return this.tx.exclusivo('primer-admin', () => this.primerAdmin());
  }

  /** The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or in development a generated one shown once in the log. */
  private async primerAdmin(): Promise<void> {
    if ((await this.usuarios.count()) > 0) return;
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (email && password) {
      await this.crear({ email, password, nombre: 'Administrador', rol: 'admin' });
      this.logger.log(`Administrador inicial creado: ${email}`);
    } else if (this.config.get('NODE_ENV', { infer: true }) === 'development') {
      const generada = randomBytes(9).toString('base64url');
      await this.crear({ email: 'admin@demo.local', password: generada, nombre: 'Administrador', rol: 'admin' });
      this.logger.warn(`No hay usuarios: se creó admin@demo.local con la clave ${generada} (defina ADMIN_EMAIL y ADMIN_PASSWORD para elegirla)`);
    } else {
      this.logger.warn('No hay usuarios: el primer POST /auth/register crea el administrador');
    }
  }

  async login(dto: LoginDto, ip: string): Promise<TokenDto> {
    const clave = `${dto.email}|${ip}`;
    this.limitador.verificar(clave);
    const usuario = await this.usuarios.findOne({ where: { email: dto.email }, select: ['id', 'email', 'rol', 'activo', 'password_hash'] });
    // Compare even for an unknown e-mail so timing does not reveal which accounts exist.
    const valida = await compare(dto.password, usuario?.password_hash ?? '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinv');
    if (!usuario || !usuario.activo || !valida) {
      this.limitador.fallo(clave);
      throw new UnauthorizedException('Correo o contraseña incorrectos');
    }
    this.limitador.exito(clave);
    return {
      access_token: await this.jwt.signAsync({ sub: usuario.id, email: usuario.email, rol: usuario.rol }),
      token_type: 'Bearer',
      expires_in: this.config.get('JWT_EXPIRES_IN', { infer: true }),
    };
  }

  /** The first account is always an admin; later ones take the role asked (operador by default). */
  async registrar(dto: RegistroDto): Promise<Usuario> {
    const primero = (await this.usuarios.count()) === 0;
    if (await this.usuarios.existsBy({ email: dto.email })) throw conflicto(`Ya existe un usuario con el correo ${dto.email}`);
    return this.crear({ ...dto, rol: primero ? 'admin' : (dto.rol ?? 'operador') });
  }

  async obtener(id: number): Promise<Usuario> {
    const u = await this.usuarios.findOneBy({ id });
    if (!u) throw noEncontrado('El usuario');
    return u;
  }

  private async crear(d: { email: string; password: string; nombre: string; rol: Rol }): Promise<Usuario> {
    const password_hash = await hash(d.password, COSTO_BCRYPT);
    const { id } = await this.tx.ejecutar((m) =>
      m.save(Usuario, m.create(Usuario, { email: d.email.toLowerCase(), nombre: d.nombre, rol: d.rol, password_hash })),
    );
    return this.obtener(id);
  }
}
