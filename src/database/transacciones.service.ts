import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { conCerrojoGlobal } from './cerrojo-global';

/**
 * Units of work (register an order, cancel it, any write). PostgreSQL runs them concurrently on
 * its pool and row locks keep stock right. SQLite has a single shared connection on which
 * interleaved BEGINs would nest into each other, so there they queue one after another.
 */
@Injectable()
export class TransaccionesService {
  private cola: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  ejecutar<T>(trabajo: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'sqlite') return this.dataSource.transaction(trabajo);
    const resultado = this.cola.then(() => this.dataSource.transaction(trabajo));
    this.cola = resultado.catch(() => undefined);
    return resultado;
  }

  /**
   * Runs fn while no other process of this deployment runs a task of the same name (start-up
   * work such as the demo seed or the first admin, when replicas start together).
   */
  exclusivo<T>(nombre: string, fn: () => Promise<T>): Promise<T> {
    return conCerrojoGlobal(this.dataSource, nombre, fn);
  }
}
