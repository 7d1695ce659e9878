import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EmpresaService } from '../../empresa/empresa.service';
import { EnvironmentVariables } from '../../config/env.validation';
import { Conocimiento } from '../../conocimiento/conocimiento.entity';
import { Producto } from '../../productos/producto.entity';
import { TransaccionesService } from '../transacciones.service';
import catalogoDemo from './catalogo-demo.json';
import conocimientoDemo from './conocimiento-demo.json';
import { EMPRESA_DEMO } from './empresa-demo';

/** SEED_DEMO: a database with no products gets the demo shop (catalog and business profile), so a first start has something to sell. */
@Injectable()
export class SeedService implements OnModuleInit {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly tx: TransaccionesService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly empresa: EmpresaService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.get('SEED_DEMO', { infer: true })) return;
    // replicas starting together: one seeds, the others then find the products there
    await this.tx.exclusivo('semilla', async () => {
      const productos = await this.tx.ejecutar(async (m) => {
        if ((await m.count(Producto)) > 0) return 0;
        await m.save(
          Producto,
          catalogoDemo.map((p) => m.create(Producto, p)),
          { chunk: 50 },
        );
        // the knowledge base the agent answers business questions from (services, invoices, warranty, kits)
        await m.save(
          Conocimiento,
          conocimientoDemo.map((c) => m.create(Conocimiento, { ...c, tipo: c.tipo as Conocimiento['tipo'], origen: null, activo: true })),
          { chunk: 50 },
        );
        return catalogoDemo.length;
      });
      if (!productos) return;
      await this.empresa.guardar(EMPRESA_DEMO);
      this.logger.log(
        `Tienda de demostración cargada: ${productos} productos, ${conocimientoDemo.length} entradas de conocimiento y el perfil de ${EMPRESA_DEMO.nombre}`,
      );
    });
  }
}
