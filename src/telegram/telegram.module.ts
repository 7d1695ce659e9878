import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TelegrafModule } from 'nestjs-telegraf';
import { ChatModule } from '../chat/chat.module';
import { EnvironmentVariables } from '../config/env.validation';
import { EmpresaModule } from '../empresa/empresa.module';
import { CLIENTE_TELEGRAM, TelegrafCliente } from './telegram.cliente';
import { TelegramUpdate } from './telegram-update.entity';
import { TelegramService } from './telegram.service';

/**
 * The Telegram bot (TELEGRAM_TOKEN): a channel into the same ChatService. nestjs-telegraf builds
 * the Telegraf bot from the validated config and never launches it itself (launchOptions false):
 * TelegramService starts polling once the app is up, and only on the replica holding the lease.
 * Without a token the bot exists but nothing ever starts it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TelegramUpdate]),
    ChatModule,
    EmpresaModule,
    TelegrafModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => {
        const apiRoot = config.get('TELEGRAM_API_ROOT', { infer: true });
        return {
          token: config.get('TELEGRAM_TOKEN', { infer: true }) ?? '0:sin-token',
          launchOptions: false,
          options: { handlerTimeout: 10 * 60 * 1000, telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) } },
        };
      },
    }),
  ],
  providers: [TelegramService, { provide: CLIENTE_TELEGRAM, useClass: TelegrafCliente }],
})
export class TelegramModule {}
