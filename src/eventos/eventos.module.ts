import { Global, Module } from '@nestjs/common';
import { EventosController } from './eventos.controller';
import { EventosService } from './eventos.service';
import { EventosSubscriber } from './eventos.subscriber';

/** Live staff events: global, so any service can publish what it changed. */
@Global()
@Module({
  controllers: [EventosController],
  providers: [EventosService, EventosSubscriber],
  exports: [EventosService],
})
export class EventosModule {}
