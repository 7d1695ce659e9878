import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat/chat.module';
import { EmpresaModule } from '../empresa/empresa.module';
import { TelegramUpdate } from './telegram-update.entity';
import { TelegramService } from './telegram.service';

/** The Telegram bot (TELEGRAM_TOKEN): a channel into the same ChatService. */
@Module({
  imports: [TypeOrmModule.forFeature([TelegramUpdate]), ChatModule, EmpresaModule],
  providers: [TelegramService],
})
export class TelegramModule {}
