import { Global, Module } from '@nestjs/common';
import { LimitesService } from './limites.service';

/** Rate limits shared by the public chat and the login (Redis when present). */
@Global()
@Module({ providers: [LimitesService], exports: [LimitesService] })
export class LimitesModule {}
