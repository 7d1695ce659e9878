import { extname } from 'node:path';
import { StemmerEs } from '@nlpjs/lang-es';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { pagina, Pagina } from '../common/dto/paginacion.dto';
import { noEncontrado, noProcesable, tipoNoSoportado } from '../common/errores';
import { TransaccionesService } from '../database/transacciones.service';
import { Producto } from '../productos/producto.entity';
import { CambiosService } from '../retrieval/cambios.service';
import { ColeccionTextos, DocumentoTexto } from '../retrieval/coleccion';
import { ColeccionesService } from '../retrieval/colecciones.service';
import { ActualizarConocimientoDto, CrearConocimientoDto, ImportarConocimientoDto, ListarConocimientoDto } from './conocimiento.dto';
import { Conocimiento } from './conocimiento.entity';
import { leerPdf } from './leer-pdf';
import { FRASES } from './lexico-negocio';
import { FormatoDocumento, PASAJES_POR_ENTRADA, pasajesDe, seccionesDe } from './pasajes';

export interface ReporteImportacionConocimiento {
  archivo: string;
  formato: FormatoDocumento;
  /** entries of an earlier import of the same file, replaced by these */
  reemplazadas: number;
  entradas: Array<{ id: number; titulo: string; pasajes: number }>;
  pasajes: number;
}

/** Words of customers' questions that say nothing about the topic ("¿ustedes hacen…?"), chat fillers included ("hmm", "parce", "nomás"). */
const VACIAS_PREGUNTAS =
  'estan estar estoy estamos ola hmm mmm aja listo parce parcero porq xq pq nomas pa pal q k ustedes usted ustds ustd uds ud hacen hace hago dan dar da dan ofrece ofreces pueden puede puedo podria podrian quiero queria saber sabe me nos mi mis tambien alguien algun aca alla ahi asi bien entonces pues oiga oye senor senora vecino amigo producto productos cosa cosas todo todos toda todas nada algo mas menos tan tanto ya aun todavia nunca antes vez veces habia habian harto harta hartos hartas poquito ahorita otra otro otros otras mismo misma este esta estos estas ese esa esos esas eso esto siguiente siguientes anterior ver mira mirar mostrar muestrame muestreme lista cual cuales cuando cuanto cuantos como donde que quien solo sola solos solas varios varias sera seria serian seran siempre'.split(
    ' ',
  );

/**
 * Verbs customers wrap a question in ("¿me pueden ayudar con…?", "quiero dejar…"): never its topic, and when no entry uses one it weighs nothing in how much of
 * the question a passage covers.
 */
export const VERBOS_COMUNES = new Set(
  `cobran cobra cobrar cobro use usa usan usar usarlo toca tocan sale salen salir pasa pasan pasar pongo pone ponen poner debo debe deben deberia
   tengo tienes tener valer vale valen mandan manda mandar mandas dura duran durar viene vienen venir piden pide pedir pido entregan entregar
   llega llegan llegar sirve sirven servir cuesta cuestan costar hago hacen hacer quiero quieren querer necesito necesita necesitan necesitar
   busco buscan buscar sabe saben saber puedo pueden podria podrian dicen dice decir conviene convienen recomienda recomiendan recomendar aconsejan
   ofrecen ofrece manejan maneja venden vende vendes compro comprar compran llevo llevar lleva llevan dan doy dar queda quedan
   dejar dejo deja dejan traer trae traen traigo recibir recibe reciben recibo ayudar ayuda ayudan ayudame ayudarme armar arman
   seguir sigue siguen tomar toma toman ir voy va van ver veo mirar miran conocer encontrar encuentro meter sacar gustar gusta
   funcionar funciona funcionan atender atienden atiende abrir abro arrancar empezar volver vuelve vuelven`
    .split(/\s+/)
    // and their gerunds: "¿están recibiendo…?", "ando buscando"
    .flatMap((v) => [v, ...(/^(\w{2,})(ar|er|ir)$/.test(v) ? [v.replace(/ar$/, 'ando').replace(/[ei]r$/, 'iendo')] : [])]),
);

/** a common verb, also with its pronouns attached ("darle", "llevarlos", "hacerme", "mandándoles") */
export function esVerboComun(palabra: string): boolean {
  return VERBOS_COMUNES.has(palabra) || VERBOS_COMUNES.has(palabra.replace(ENCLITICOS, '$1'));
}

/**
 * Another tense or person of a common verb ("quedó", "mandaste", "piden" of pedir): its stem and a
 * verb's ending. A noun may look the same ("pedido", "entregas"): the caller keeps the words its
 * texts are about.
 */
export function pareceVerboComun(palabra: string): boolean {
  return TERMINACIONES_VERBALES.test(palabra) && RAICES_VERBOS.has(RAIZ.stemWord(palabra));
}
const RAIZ = new StemmerEs();
const RAICES_VERBOS = new Set([...VERBOS_COMUNES].map((v) => RAIZ.stemWord(v)));
const TERMINACIONES_VERBALES = /(o|e|es|en|as|an|aste|iste|amos|imos|aron|ieron|aba|aban|ia|ian|ara|iera)$/;
const ENCLITICOS = /^(\w+?(?:ar|er|ir|ando|iendo))(?:me|te|se|le|les|lo|la|los|las|nos)+$/;

/** what the phrases above turn a question's shape into: how often, how long, how much, whether it is included */
export const FORMAS_DE_PREGUNTA = new Set(['frecuencia', 'tiempo', 'costo', 'incluido']);

/**
 * The knowledge base's entries: CRUD for admins, import of Markdown, text and PDF files cut into
 * sections, and the passages collection that follows every change.
 */
@Injectable()
export class EntradasService implements OnModuleInit {
  readonly coleccion: ColeccionTextos;
  /** passages each entry has in the index now, to remove the surplus when an edit shortens it */
  private readonly pasajesIndexados = new Map<number, number>();

  constructor(
    @InjectRepository(Conocimiento) private readonly entradas: Repository<Conocimiento>,
    @InjectRepository(Producto) private readonly productos: Repository<Producto>,
    private readonly tx: TransaccionesService,
    private readonly cambios: CambiosService,
    colecciones: ColeccionesService,
  ) {
    const stemmer = new StemmerEs();
    this.coleccion = colecciones.crear('conocimiento', () => this.documentos(), {
      vacias: VACIAS_PREGUNTAS,
      debiles: esVerboComun,
      frases: FRASES,
      raiz: (p) => stemmer.stemWord(conSuPlural(p)),
    });
  }

  /** An entry written on any replica reaches this one's passages through the change feed. */
  onModuleInit(): void {
    this.cambios.seguir('conocimiento', (claves) => this.seguir(claves.map(Number)));
  }

  async listar(f: ListarConocimientoDto): Promise<Pagina<Conocimiento>> {
    const qb = this.entradas.createQueryBuilder('c').orderBy('c.id', 'ASC').skip(f.saltar).take(f.limite);
    if (f.tipo) qb.andWhere('c.tipo = :tipo', { tipo: f.tipo });
    if (f.tema) qb.andWhere('c.tema = :tema', { tema: f.tema });
    if (f.activo !== undefined) qb.andWhere('c.activo = :activo', { activo: f.activo });
    if (f.q) {
      const q = `%${f.q.toLowerCase()}%`;
      qb.andWhere(new Brackets((w) => w.where('LOWER(c.titulo) LIKE :q', { q }).orWhere('LOWER(c.pregunta) LIKE :q').orWhere('LOWER(c.contenido) LIKE :q')));
    }
    const [items, total] = await qb.getManyAndCount();
    return pagina(items.map(normalizar), total, f);
  }

  async obtener(id: number): Promise<Conocimiento> {
    const c = await this.entradas.findOneBy({ id });
    if (!c) throw noEncontrado(`La entrada de conocimiento ${id}`);
    return normalizar(c);
  }

  /** Active entries by id, in the order asked (what an answer cites). */
  async porIds(ids: number[]): Promise<Conocimiento[]> {
    if (ids.length === 0) return [];
    const filas = new Map((await this.entradas.findBy({ id: In(ids), activo: true })).map((c) => [c.id, normalizar(c)]));
    return ids.flatMap((id) => filas.get(id) ?? []);
  }

  async crear(dto: CrearConocimientoDto): Promise<Conocimiento> {
    await this.validarSkus(dto.productos_sku);
    const c = await this.escribir(async (m) => {
      const nueva = await m.save(Conocimiento, m.create(Conocimiento, { ...dto, pregunta: dto.pregunta ?? null, productos_sku: dto.productos_sku ?? [] }));
      return { resultado: nueva, ids: [nueva.id] };
    });
    return normalizar(c);
  }

  async actualizar(id: number, dto: ActualizarConocimientoDto): Promise<Conocimiento> {
    const actual = await this.obtener(id);
    const tipo = dto.tipo ?? actual.tipo;
    if (tipo === 'faq' && !(dto.pregunta ?? actual.pregunta)) throw noProcesable('Una faq necesita su pregunta', { pregunta: ['obligatoria en una faq'] });
    await this.validarSkus(dto.productos_sku);
    const c = await this.escribir(async (m) => ({ resultado: await m.save(Conocimiento, m.merge(Conocimiento, actual, dto)), ids: [id] }));
    return normalizar(c);
  }

  async eliminar(id: number): Promise<Conocimiento> {
    const c = await this.obtener(id);
    await this.escribir(async (m) => ({ resultado: await m.delete(Conocimiento, { id }), ids: [id] }));
    return c;
  }

  /**
   * One entry per section of the file (headings split it), each cut into passages by the index.
   * Importing a file with the same name again replaces the entries it made before, in one
   * transaction, so a corrected policy never leaves its old version answering.
   */
  async importar(
    archivo: { buffer: Buffer; originalname: string; mimetype?: string },
    opciones: ImportarConocimientoDto,
  ): Promise<ReporteImportacionConocimiento> {
    const formato = formatoDe(archivo);
    await this.validarSkus(opciones.productos_sku);
    const texto = await this.textoDe(archivo.buffer, formato);
    const nombre = archivo.originalname.slice(0, 200);
    const tituloDocumento =
      nombre
        .replace(/\.[^.]+$/, '')
        .replace(/[-_]+/g, ' ')
        .trim() || 'Documento';
    const secciones = seccionesDe(texto, formato, tituloDocumento);
    if (secciones.length === 0) throw noProcesable(`El archivo ${nombre} no tiene texto que importar`);
    const { creadas, anteriores } = await this.escribir(async (m) => {
      const anteriores = await m.find(Conocimiento, { where: { origen: nombre }, select: { id: true } });
      if (anteriores.length) await m.delete(Conocimiento, { id: In(anteriores.map((a) => a.id)) });
      const creadas = await m.save(
        Conocimiento,
        secciones.map((s) =>
          m.create(Conocimiento, {
            titulo: s.titulo,
            tipo: 'documento',
            pregunta: null,
            contenido: s.contenido,
            productos_sku: opciones.productos_sku ?? [],
            tema: opciones.tema ?? null,
            origen: nombre,
            activo: true,
          }),
        ),
      );
      const resultado = { creadas, anteriores: anteriores.map((a) => a.id) };
      return { resultado, ids: [...resultado.anteriores, ...creadas.map((c) => c.id)] };
    });
    const entradas = creadas.map((c) => ({ id: c.id, titulo: c.titulo, pasajes: pasajesDe(c.contenido).length }));
    return { archivo: nombre, formato, reemplazadas: anteriores.length, entradas, pasajes: entradas.reduce((s, e) => s + e.pasajes, 0) };
  }

  /** A write and its change-feed record in one transaction; after the commit every replica's passages follow it. */
  private async escribir<T>(trabajo: (m: EntityManager) => Promise<{ resultado: T; ids: number[] }>): Promise<T> {
    const { resultado } = await this.tx.ejecutar(async (m) => {
      const r = await trabajo(m);
      await this.cambios.registrar(m, 'conocimiento', r.ids);
      return r;
    });
    await this.cambios.difundir();
    return resultado;
  }

  /** Re-reads changed entries (the feed's keys): present ones are indexed again, missing ones leave with all their passages. */
  private async seguir(ids: number[]): Promise<void> {
    const filas = new Map((await this.entradas.findBy({ id: In(ids) })).map((c) => [c.id, c]));
    const sobrantes = ids.flatMap((id) => {
      const antes = this.pasajesIndexados.get(id) ?? 0;
      const quedan = filas.has(id) ? pasajesDe(filas.get(id)!.contenido).length : 0;
      if (quedan) this.pasajesIndexados.set(id, quedan);
      else this.pasajesIndexados.delete(id);
      return Array.from({ length: Math.max(0, antes - quedan) }, (_, i) => id * PASAJES_POR_ENTRADA + quedan + i);
    });
    await this.coleccion.aplicar(
      [...filas.values()].flatMap((c) => this.pasajes(c)),
      sobrantes,
    );
  }

  /** Every entry's passages, for a full build of the collection. */
  private async documentos(): Promise<DocumentoTexto[]> {
    const todas = await this.entradas.find({ order: { id: 'ASC' } });
    this.pasajesIndexados.clear();
    return todas.flatMap((c) => {
      const pasajes = this.pasajes(c);
      this.pasajesIndexados.set(c.id, pasajes.length);
      return pasajes;
    });
  }

  /** A passage is found by its entry's title and question too: "garantía de botas" is in the title, not in every paragraph. */
  private pasajes(c: Conocimiento): DocumentoTexto[] {
    return pasajesDe(c.contenido).map((texto, i) => ({
      id: c.id * PASAJES_POR_ENTRADA + i,
      campos: [
        { texto: c.titulo, peso: 3, clave: true },
        { texto: c.pregunta ?? '', peso: 4, clave: true },
        { texto, peso: 1 },
      ],
      categoria: c.tipo,
      activo: c.activo,
    }));
  }

  private async textoDe(datos: Buffer, formato: FormatoDocumento): Promise<string> {
    if (formato !== 'pdf') {
      const texto = datos.toString('utf8');
      if (texto.includes('\uFFFD') || texto.includes('\0')) throw noProcesable('El archivo no es texto UTF-8');
      return texto;
    }
    try {
      return (await leerPdf(datos)).join('\n\n');
    } catch (e) {
      throw noProcesable(`No se pudo leer el PDF: ${(e as Error).message}`);
    }
  }

  private async validarSkus(skus: string[] | undefined): Promise<void> {
    if (!skus?.length) return;
    const existen = new Set((await this.productos.find({ where: { sku: In(skus) }, select: { sku: true } })).map((p) => p.sku));
    const faltan = skus.filter((s) => !existen.has(s));
    if (faltan.length) throw noProcesable(`Estos SKU no están en el catálogo: ${faltan.join(', ')}`, { productos_sku: faltan });
  }
}

/**
 * A word as the stemmer reads it the same in singular and plural: it cuts "-istas" but keeps
 * "-ista" ("contratistas" would be "contratar"), and takes the "-ad"/"-ed" of a singular for a
 * verb's ending ("pared" → "par", "paredes" → "pared"; "ciudad" → "ciud"). Folded.
 */
function conSuPlural(palabra: string): string {
  if (palabra.endsWith('istas')) return palabra.slice(0, -1);
  return /^[a-z]{2,}[ae]d$/.test(palabra) ? `${palabra}es` : palabra;
}

function normalizar(c: Conocimiento): Conocimiento {
  c.productos_sku ??= [];
  return c;
}

/** By content first (a PDF starts with %PDF-), then by extension or declared type. */
function formatoDe(archivo: { buffer: Buffer; originalname: string; mimetype?: string }): FormatoDocumento {
  if (archivo.buffer.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const ext = extname(archivo.originalname).toLowerCase();
  if (['.md', '.markdown'].includes(ext) || archivo.mimetype === 'text/markdown') return 'markdown';
  if (['.txt', '.text', ''].includes(ext) || archivo.mimetype?.startsWith('text/')) return 'texto';
  throw tipoNoSoportado('El archivo debe ser Markdown (.md), texto (.txt) o PDF', { archivo: archivo.originalname });
}
