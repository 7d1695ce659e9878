import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TransaccionesService } from '../database/transacciones.service';
import { noEncontrado } from '../common/errores';
import { CambiosService } from '../retrieval/cambios.service';
import { ClaveIntegracion } from './clave-integracion.entity';
import { hashSecreto, nuevoSecreto } from './secreto';

const TEMA = 'integraciones';
/** a verified key is trusted this long without the database; a revocation clears it at once (the change feed) */
const VIGENCIA_MS = 30_000;

/**
 * Integration keys. Every chat turn of an integration presents its key, so the active keys
 * already verified are kept in memory by their SHA-256 (never the key itself): a revocation
 * travels the change feed, which every replica applies (Redis at once, polling as a net).
 */
@Injectable()
export class IntegracionesService implements OnModuleInit {
  private readonly verificadas = new Map<string, { clave: ClaveIntegracion; vence: number }>();
  /** bumped by each revocation applied here: a lookup that straddles one is not kept */
  private revocaciones = 0;

  constructor(
    @InjectRepository(ClaveIntegracion) private readonly claves: Repository<ClaveIntegracion>,
    private readonly tx: TransaccionesService,
    private readonly cambios: CambiosService,
  ) {}

  onModuleInit(): void {
    this.cambios.seguir(TEMA, (ids) => Promise.resolve(this.olvidar(new Set(ids.map(Number)))));
  }

  async crear(nombre: string, creadaPor: number | null): Promise<ClaveIntegracion & { clave: string }> {
    const clave = nuevoSecreto('av_');
    const guardada = await this.tx.ejecutar((m) =>
      m.save(
        ClaveIntegracion,
        m.create(ClaveIntegracion, { nombre, prefijo: clave.slice(0, 7), hash: hashSecreto(clave), activa: true, creada_por: creadaPor }),
      ),
    );
    const { hash: _hash, ...visible } = guardada;
    return { ...visible, clave } as ClaveIntegracion & { clave: string };
  }

  listar(): Promise<ClaveIntegracion[]> {
    return this.claves.find({ order: { id: 'ASC' } });
  }

  /** stops working at once on this replica, and on the others as soon as they read the change feed */
  async revocar(id: number): Promise<ClaveIntegracion> {
    await this.tx.ejecutar(async (m) => {
      const r = await m.update(ClaveIntegracion, { id }, { activa: false });
      if (!r.affected) throw noEncontrado(`La clave de integración ${id}`);
      await this.cambios.registrar(m, TEMA, [id]);
    });
    await this.cambios.difundir();
    return this.claves.findOneByOrFail({ id });
  }

  /** the active key with this secret, or null (the hash is unique: one indexed lookup, then memory) */
  async porSecreto(secreto: string): Promise<ClaveIntegracion | null> {
    const hash = hashSecreto(secreto);
    const vista = this.verificadas.get(hash);
    if (vista && vista.vence > Date.now()) return vista.clave;
    const antes = this.revocaciones;
    const clave = await this.claves.findOneBy({ hash, activa: true });
    // unknown keys are not kept: guesses cannot fill the memory
    if (clave && antes === this.revocaciones) this.verificadas.set(hash, { clave, vence: Date.now() + VIGENCIA_MS });
    else this.verificadas.delete(hash);
    return clave;
  }

  private olvidar(ids: Set<number>): void {
    this.revocaciones++;
    for (const [hash, { clave }] of this.verificadas) if (ids.has(clave.id)) this.verificadas.delete(hash);
  }
}
