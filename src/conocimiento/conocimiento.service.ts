import { Injectable, Logger } from '@nestjs/common';
import stopwordsIso from 'stopwords-iso';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { fichaProducto, FRASES, Negocio } from '../chat/agente/plantillas';
import { ModeloLenguaje } from '../chat/llm/llm.interfaces';
import { EnvironmentVariables } from '../config/env.validation';
import { palabras, plegar } from '../common/texto';
import { MetricasService } from '../metricas/metricas.service';
import { Producto } from '../productos/producto.entity';
import { HitTexto } from '../retrieval/coleccion';
import { sinDiminutivo } from '../retrieval/texto/analizador';
import { Conocimiento } from './conocimiento.entity';
import { EntradasService, esVerboComun, FORMAS_DE_PREGUNTA, pareceVerboComun } from './entradas.service';
import { verificarConPasajes } from './guardia-pasajes';
import { oraciones, PASAJES_POR_ENTRADA, pasajesDe } from './pasajes';
import { personasEn } from './recomendacion';

export interface Fuente {
  id: number;
  titulo: string;
  tema: string | null;
  /** position of the passage inside its entry */
  pasaje: number;
  score: number;
}

export interface RespuestaConocimiento {
  /** false: nothing in the knowledge base answers it; `respuesta` says so honestly and offers a person */
  sabe: boolean;
  respuesta: string;
  /** the entries the answer comes from, best first (up to three) */
  fuentes: Fuente[];
  /** 0..1: how much of the question the best passage covers */
  confianza: number;
  /** products the answering entry recommends, active, with current price and stock */
  productos: Producto[];
  /** 'extractivo', the model's name, or 'extractivo (guardia)' when the guard rejected the model's text */
  redactor: string;
  /** the honest "no sé": an operator should take the chat */
  necesita_humano: boolean;
  /** the question names what the answering entry is about (words of its title or question), not just words it contains, or it asks most of that title and the passage holds nearly all of it, or the entry holds more of its topic than the profile line does */
  especifica: boolean;
}

export interface OpcionesRespuesta {
  negocio: Negocio & { tono: string };
  /** a remote model writes the answer from the passages; without one (or local) the answer is extractive */
  modelo?: ModeloLenguaje;
  /** whether a word is the catalog's (a product named beside the question is not a topic the entry must hold) */
  delCatalogo?: (palabra: string) => boolean;
  /** the structured profile's line for the question's topic, which the answer is compared with (see `especifica`) */
  perfil?: string;
  /** that topic's name ("horario", "pago"): an entry titled with it documents what the line says in one sentence (see `especifica`) */
  tema?: string;
}

/** "¿qué me recomiendan para…?": advice, which the catalog overview answers when no entry does */
const CONSEJO =
  /\b(recomiend|recomend|aconsej|sugier|suger|que (me )?(sirve|necesito|debo|deberia|compro)|que (llevo|le pongo)|para (un|una|mi) (taller|negocio|empresa|carro|moto|obra|bodega|casa))/;

/**
 * Business questions answered from the shop's own entries: the best passages are retrieved,
 * and the answer is the FAQ's or the passage's most relevant sentences (or a model's text
 * written only from them and checked by the guard). Below the confidence threshold, an honest
 * "no tengo esa información" with the offer of a person.
 */
@Injectable()
export class ConocimientoService {
  private readonly logger = new Logger(ConocimientoService.name);
  private readonly umbral: number;

  constructor(
    private readonly entradas: EntradasService,
    @InjectRepository(Producto) private readonly productos: Repository<Producto>,
    private readonly metricas: MetricasService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.umbral = config.get('CONOCIMIENTO_UMBRAL', { infer: true });
  }

  /** The best entries for a question, one per entry (its best passage), with the fused scores. */
  async buscar(pregunta: string, limite = 3): Promise<Array<{ entrada: Conocimiento; pasaje: number; hit: HitTexto }>> {
    const { hits } = await this.entradas.coleccion.buscar(pregunta, { limite: limite * 4 });
    const mejores = new Map<number, { pasaje: number; hit: HitTexto }>();
    for (const hit of hits) {
      const id = Math.floor(hit.id / PASAJES_POR_ENTRADA);
      if (!mejores.has(id)) mejores.set(id, { pasaje: hit.id % PASAJES_POR_ENTRADA, hit });
    }
    const ids = [...mejores.keys()].slice(0, limite);
    const filas = await this.entradas.porIds(ids);
    return filas.map((entrada) => ({ entrada, ...mejores.get(entrada.id)! }));
  }

  /**
   * The best entries for the message, and whether the best answers it confidently: the whole
   * message, or else the part it asks ("¿van y lo montan?" of "abrí un local en Belén y necesito
   * que me dejen todo listo…, ¿van y lo montan?"), whose circumstances no entry holds and dilute
   * the match. The part alone must name its entry's own topic (its title or question) and hold
   * every topic word it has that names a product or another entry's topic (its title or
   * question): dropping the story must never leave a bare "¿los cascos tienen garantía?"
   * answered by the boots' warranty.
   */
  private async hallar(
    pregunta: string,
    delCatalogo?: (palabra: string) => boolean,
    limite = 3,
  ): Promise<{ encontrados: Awaited<ReturnType<ConocimientoService['buscar']>>; confiable: boolean }> {
    const encontrados = await this.buscar(pregunta, limite);
    // an entry that never names what is asked for answers something else; the part asked may find the one that does
    const [primero] = encontrados;
    if (primero && !this.pideOtraCosa(pregunta, primero.entrada, delCatalogo) && this.confiable(pregunta, primero.hit, delCatalogo, encontrados[1]?.hit))
      return { encontrados, confiable: true };
    // the part asked, then each of its questions alone
    const preguntas = preguntasDe(pregunta);
    const c = this.entradas.coleccion;
    for (const parte of new Set([preguntas.join(', '), ...(preguntas.length > 1 ? preguntas : [])])) {
      // "…busco quien me maquile 500 camisetas con mis etiquetas, ¿trabajan así?": a part that points back at the story asks about it, not alone
      if (parte === plegar(pregunta) || palabras(parte).some((w) => ANAFORAS.has(w))) continue;
      const deLaParte = await this.buscar(parte, limite);
      const mejor = deLaParte[0];
      const faltan = mejor ? this.ajenas(parte, mejor.hit).filter((w) => delCatalogo?.(w) || c.terminos(w, true).some((t) => c.esClave(t))) : [];
      if (
        mejor &&
        mejor.hit.claves.length > 0 &&
        faltan.length === 0 &&
        !this.pideOtraCosa(parte, mejor.entrada, delCatalogo) &&
        this.confiable(parte, mejor.hit, delCatalogo, deLaParte[1]?.hit)
      )
        return { encontrados: deLaParte, confiable: true };
    }
    return { encontrados, confiable: false };
  }

  async responder(pregunta: string, o: OpcionesRespuesta): Promise<RespuestaConocimiento> {
    const { encontrados, confiable } = await this.hallar(pregunta, o.delCatalogo);
    const fuentes = encontrados.map(({ entrada, pasaje, hit }) => ({ id: entrada.id, titulo: entrada.titulo, tema: entrada.tema, pasaje, score: hit.score }));
    const mejor = encontrados[0];
    const confianza = mejor ? confianzaDe(mejor.hit) : 0;
    if (!mejor || !confiable) {
      this.metricas.contar('conocimiento.no_sabe');
      const consejo = CONSEJO.test(palabras(pregunta).join(' '));
      return {
        sabe: false,
        respuesta: consejo ? await this.panorama(o.negocio) : FRASES.sinInformacion(o.negocio),
        fuentes: [],
        confianza,
        productos: [],
        redactor: 'extractivo',
        necesita_humano: !consejo,
        especifica: false,
      };
    }
    const { entrada, pasaje } = mejor;
    const texto = pasajesDe(entrada.contenido)[pasaje] ?? entrada.contenido;
    const extracto = entrada.tipo === 'faq' && entrada.contenido.length <= 600 ? entrada.contenido : this.extracto(texto, pregunta);
    const productos = await this.recomendados(entrada.productos_sku ?? []);
    const extractiva = conProductos(extracto, productos, o.negocio, personasEn(pregunta));
    this.metricas.contar('conocimiento.respuestas');
    const base = {
      sabe: true,
      fuentes,
      confianza,
      productos,
      necesita_humano: false,
      // or asks most of its title and finds nearly all of itself in the passage ("¿cómo saco la tarjeta de cliente?" is no payment question)
      especifica:
        mejor.hit.clave >= 0.75 ||
        mejor.hit.claves.length >= 2 ||
        (mejor.hit.clave >= 0.5 && mejor.hit.cobertura >= 0.7) ||
        (o.perfil !== undefined && (this.cubreMas(pregunta, mejor.hit, o.perfil) || this.documentaElTema(pregunta, mejor.entrada, o.perfil))) ||
        (o.tema !== undefined && this.tituladoPor(mejor.entrada, o.tema)),
    };
    if (!o.modelo || o.modelo.nombre === 'local') return { ...base, respuesta: extractiva, redactor: 'extractivo' };

    const pasajes = encontrados.slice(0, 2).map((e) => pasajesDe(e.entrada.contenido)[e.pasaje] ?? e.entrada.contenido);
    try {
      const escrito = await this.metricas.medir(`proveedor.${o.modelo.nombre}.redactar`, () =>
        o.modelo!.redactar({
          mensajeCliente: pregunta,
          borrador: extractiva,
          pasajes,
          productos: productos.map((p) => ({ nombre: p.nombre, precio: p.precio })),
          montos: productos.map((p) => p.precio),
          nombreAgente: o.negocio.nombre_agente,
          nombreNegocio: o.negocio.nombre,
          tono: o.negocio.tono,
        }),
      );
      const catalogo = (await this.productos.find({ select: { nombre: true }, where: { activo: true } })).map((p) => p.nombre);
      const veredicto = verificarConPasajes(escrito, [...pasajes, extractiva], {
        productos: productos.map((p) => p.nombre),
        montos: productos.map((p) => p.precio),
        catalogo,
      });
      if (veredicto.ok && escrito.trim()) {
        // the cards stay: the model phrases the answer, the catalog's lines carry the prices
        return {
          ...base,
          respuesta:
            productos.length && !productos.every((p) => escrito.includes(p.nombre))
              ? conProductos(escrito.trim(), productos, o.negocio, personasEn(pregunta))
              : escrito.trim(),
          redactor: o.modelo.nombre,
        };
      }
      this.metricas.contar('guardia.bloqueos');
      this.logger.warn(`Guardia de conocimiento: respuesta de ${o.modelo.nombre} descartada (${veredicto.ok ? 'vacía' : veredicto.motivo})`);
      return { ...base, respuesta: extractiva, redactor: 'extractivo (guardia)' };
    } catch (e) {
      this.metricas.contar('respaldo_local.redactar');
      this.logger.warn(`${o.modelo.nombre} no redactó la respuesta de conocimiento; se usa el extracto: ${(e as Error).message}`);
      return { ...base, respuesta: extractiva, redactor: 'extractivo (respaldo)' };
    }
  }

  /**
   * A question the understanding read as about products ("¿alquilan extintores para un evento?")
   * may be about a service the shop documented: it is, when an entry answers it confidently with
   * a word of the question the catalog does not use ("alquilan", "se vencen"). Otherwise
   * undefined, and the catalog answers.
   */
  async responderServicio(
    pregunta: string,
    delCatalogo: (palabra: string) => boolean,
    o: OpcionesRespuesta & { soloTitulo?: boolean; sinComplementos?: boolean },
  ): Promise<RespuestaConocimiento | undefined> {
    const {
      encontrados: [mejor],
      confiable,
    } = await this.hallar(pregunta, delCatalogo, 1);
    if (!mejor || !confiable) return undefined;
    // a purchase ("necesito …") is diverted only by the entry's own topic words, never by a word it merely contains
    const halladas = new Set([...mejor.hit.claves, ...(o.soloTitulo ? [] : mejor.hit.coincidencias.map((t) => t.replace(/~$/, '')))]);
    // and a purchase with its quantity never by what it is for or where it goes ("8 extintores para la empresa", "10 botas pa mis trabajadores")
    const texto = o.sinComplementos ? sinComplementos(this.entradas.coleccion.conFrases(pregunta)) : this.entradas.coleccion.conFrases(pregunta);
    const servicio = palabras(texto).some((w) => w.length >= 3 && !delCatalogo(w) && this.entradas.coleccion.terminos(w, true).some((t) => halladas.has(t)));
    return servicio ? this.responder(pregunta, { ...o, delCatalogo }) : undefined;
  }

  /** `segundo`: the best passage of the next entry, for the margin `preguntaLoSuyo` asks */
  private confiable(pregunta: string, hit: HitTexto, delCatalogo?: (palabra: string) => boolean, segundo?: HitTexto): boolean {
    if (this.pideLoDesconocido(pregunta, delCatalogo)) return false;
    const ajenas = this.ajenas(pregunta, hit, delCatalogo);
    const c = this.entradas.coleccion;
    // "¿hacen mantenimiento de carros?": the word the passage lacks names another entry's topic (its title or question), so the question may
    // join topics no entry holds together; a word only some entry's text uses ("abrir") is no such topic
    const conocidas = ajenas.some((w) => c.terminos(w, true).some((t) => c.esClave(t)));
    return (
      seguro(hit, this.umbral, ajenas.length === 0 ? 'ninguna' : conocidas ? 'de otras entradas' : 'desconocidas') ||
      // a passage that merely mentions the thing asked for, with none of its entry's topic words, is not centred on it
      (!this.pideLoDesconocido(pregunta, delCatalogo, hit.clave === 0) && this.centrada(pregunta, hit, delCatalogo)) ||
      this.preguntaLoSuyo(pregunta, hit, segundo, delCatalogo)
    );
  }

  /**
   * "¿el arnés sí está homologado? necesito el papel pa presentarlo en la obra": the question names
   * its entry's topic (a fifth of its title or question at least), the clauses that ask hold no topic word the
   * passage lacks (what it lacks is the story around them), none it lacks is said of a topic it
   * holds, and the next entry is well behind: the words missing are not what is asked.
   */
  private preguntaLoSuyo(pregunta: string, hit: HitTexto, segundo: HitTexto | undefined, delCatalogo?: (palabra: string) => boolean): boolean {
    if (hit.clave < CLAVE_PROPIA || confianzaDe(hit) < this.umbral || (segundo && segundo.score > MARGEN_SEGUNDO * hit.score)) return false;
    if (this.pesar(pregunta, hit, delCatalogo).trampa) return false;
    return clausulasQuePreguntan(pregunta).every((c) => this.ajenas(c, hit, delCatalogo).length === 0);
  }

  /**
   * "¿tienen drones pa fumigar?", "¿tienen parqueadero?": what a verb of having, selling or
   * renting asks for is a thing no entry knows, nor the catalog: the shop has not documented it,
   * whatever else the question shares with an entry. With `deMencion`, also a thing no entry is
   * about (its title or question), only mentioned in some text ("pisos de garajes y parqueaderos").
   */
  private pideLoDesconocido(pregunta: string, delCatalogo?: (palabra: string) => boolean, deMencion = false): boolean {
    const c = this.entradas.coleccion;
    const lista = palabras(c.conFrases(pregunta));
    return lista.some((w, i) => {
      if (!TENER.has(w)) return false;
      const objeto = lista.slice(i + 1).find((x) => !DETERMINANTES.has(x));
      const tema = objeto && !delCatalogo?.(objeto) ? this.temas(objeto, delCatalogo)[0] : undefined;
      return !!tema && !tema.terminos.some((t) => (deMencion ? c.esClave(t) : c.conoce(t)));
    });
  }

  /**
   * "¿venden botas de seguridad?", "¿alquilan andamios?", "¿pintan cascos?": a product of the
   * catalog that a verb of having, selling or renting, or of what the shop does to things, opening
   * a clause asks for is what the question is about; an entry that never names it answers
   * something else, whatever else they share ("completar la dotación"). Not when a noun comes
   * before the verb: "¿qué respaldo tiene el solkaflam?" asks the product's warranty.
   */
  private pideOtraCosa(pregunta: string, entrada: Conocimiento, delCatalogo?: (palabra: string) => boolean): boolean {
    const c = this.entradas.coleccion;
    let suyos: Set<string> | undefined;
    return pregunta.split(/[,;.?!¿¡]+/).some((clausula) => {
      const lista = palabras(c.conFrases(clausula));
      const i = lista.findIndex((w) => TENER.has(w) || w === 'alquiler' || DE_USTEDES.test(w));
      if (i < 0 || !lista.slice(0, i).every((x) => VACIAS_ES.has(x) || c.esVacia(x) || SALUDOS.has(x))) return false;
      const objeto = lista.slice(i + 1).find((x) => !DETERMINANTES.has(x));
      if (!objeto || objeto.length < 3 || /\d/.test(objeto)) return false;
      suyos ??= new Set(c.terminos([entrada.titulo, entrada.pregunta ?? '', entrada.contenido].join(' ')));
      // held in any reading, or the shop's everyday word, which needs no saying ("¿hay clases en la noche?" of the driving school's timetable)
      const tiene = (w: string) => this.temas(w, delCatalogo)[0]?.terminos.some((t) => suyos!.has(t) || c.parte(t) > PARTE_COMUN);
      // "¿alquilan el carro…?": renting is asked for, whatever is rented
      if (ALQUILAR.test(lista[i]) && tiene(lista[i]) === false) return true;
      if (!delCatalogo?.(objeto)) {
        // "¿hay parqueadero…?": a thing no product names that a verb of having asks for is what the question is about too, in any of its
        // readings, or what it is of or with when it names nothing itself ("¿tienen convenio con algún concesionario?"); not a way or a
        // chance of doing something ("¿hay forma de pagar a cuotas?")
        if (!TENER.has(lista[i]) || LIGERAS.has(objeto)) return false;
        const cosa = this.temas(objeto, delCatalogo).length ? objeto : JUNTO.exec(lista.slice(lista.indexOf(objeto, i) + 1).join(' '))?.[1];
        return !!cosa && tiene(cosa) === false;
      }
      // in its own reading, singular or plural ("arneses", "arnés"): the synonyms the analyser adds ("andamios" → alturas) are other things
      const propios = [objeto, objeto.replace(/e?s$/, '')].flatMap((f) => c.terminos(f).slice(0, 1));
      return propios.length > 0 && !propios.some((t) => suyos!.has(t));
    });
  }

  /**
   * How the question's topic words weigh against the passage: those it holds, all of them, those
   * naming another entry's topic (its title or question) it lacks, unless the shop's passages use
   * the word all over (see `PARTE_COMUN`), and whether a word it lacks
   * is said of a topic it holds ("¿dan cursos de excel?", "¿alquilan andamios?"): then that word
   * is what the question asks about.
   */
  private pesar(
    texto: string,
    hit: HitTexto,
    delCatalogo?: (palabra: string) => boolean,
  ): { hallado: number; total: number; deOtras: number; trampa: boolean } {
    const c = this.entradas.coleccion;
    const halladas = new Set(hit.coincidencias.map((t) => t.replace(/~$/, '')));
    let hallado = 0;
    let total = 0;
    let deOtras = 0;
    let trampa = false;
    let anterior: 'hallada' | 'otra' | undefined;
    // a clause's end ends what a word is said of ("¿mandan la factura al correo? la contadora me la pide")
    const preguntado = this.preguntado(texto, delCatalogo);
    const palabrasEnOrden = texto.split(/[?¿.!;,]+/).flatMap((parte) => [...this.enOrden(parte, delCatalogo, preguntado), { palabra: '.' }]);
    let previa = '';
    for (const { palabra, terminos, predio } of palabrasEnOrden) {
      const tras = previa;
      previa = palabra;
      if (!terminos || (predio && !halladas.has(terminos[0]))) {
        if (!ENLACES.has(palabra)) anterior = undefined;
        continue;
      }
      const peso = Math.max(...terminos.map((t) => c.peso(t)));
      total += peso;
      // the word's own reading, not a synonym the catalog's lexicon adds ("carros" also reads "vehículo", as "moto" does)
      const estado = halladas.has(terminos[0]) ? 'hallada' : 'otra';
      if (estado === 'hallada') hallado += peso;
      else if (terminos.some((t) => c.conoce(t) && c.esClave(t) && c.parte(t) <= PARTE_COMUN)) deOtras += peso;
      // a verb after "pa" or "de" is what the topic is for ("cursos pa aprender a controlar la broca"), not another thing it is said of
      const finalidad = PROPOSITO.has(tras) && INFINITIVO.test(palabra);
      if (estado === 'otra' && anterior === 'hallada' && !terminos.some((t) => c.conoce(t)) && !finalidad) trampa = true;
      anterior = estado;
    }
    return { hallado, total, deOtras, trampa };
  }

  /**
   * A long question told with its circumstances ("tengo una panadería con 6 empleados y me
   * exigen el SG-SST, ¿me ayudan?") holds words no entry uses, which keep the share it covers
   * low. It is still about the passage when the topic words the passage holds weigh enough,
   * and no topic word of it names another entry's topic that the passage lacks, or is said of
   * the topic matched (see `pesar`): then it is not two topics joined.
   */
  private centrada(pregunta: string, hit: HitTexto, delCatalogo?: (palabra: string) => boolean): boolean {
    const pesar = (texto: string) => this.pesar(texto, hit, delCatalogo);
    const todo = pesar(pregunta);
    if (todo.trampa || todo.hallado < PESO_CENTRADA || todo.deOtras > PARTE_DE_OTRAS * todo.hallado) return false;
    const basta = (p: { hallado: number; total: number }) => p.hallado >= PESO_CENTRADA && p.hallado >= PARTE_CENTRADA * p.total;
    // as sure as any answer, or a little surer when the share of its topic words stands for the share of all its words
    // ("me dijeron q la primera vez cobran algo por montar el diseño del logo, ¿es cierto?": every topic word is the passage's)
    if (basta(todo) && confianzaDe({ ...hit, cobertura: todo.hallado / todo.total }) >= this.umbral + MARGEN_AJENAS) return true;
    if (confianzaDe(hit) < this.umbral) return false;
    // the share is the question's, or that of the part of it asked ("¿eso ya tiene el IVA incluido? pa pasarle el número a mi jefe")
    return [todo, ...[...pregunta.matchAll(/([^?¿.!;]+)\?/g)].map((m) => pesar(m[1]))].some(basta);
  }

  /**
   * The question's topic words the passage does not hold ("¿recargan celulares?": celulares). One
   * of them means the question may be about something else that merely shares a word with the
   * entry; fillers, common verbs and numbers never count.
   */
  ajenas(pregunta: string, hit: HitTexto, delCatalogo?: (palabra: string) => boolean): string[] {
    const halladas = new Set(hit.coincidencias.map((t) => t.replace(/~$/, '')));
    return (
      this.temas(pregunta, delCatalogo)
        // held in its own reading (see `pesar`); the premises where the matter is need not be
        .filter(({ terminos, predio }) => !halladas.has(terminos[0]) && !predio)
        .map(({ palabra }) => palabra)
    );
  }

  /**
   * Whether the passage holds more of the question's topic words than the profile's line does:
   * "¿cuánto se demora la recarga?" read as a delivery question is about the recharge the entry
   * documents, not about the delivery times the profile lists.
   */
  private cubreMas(pregunta: string, hit: HitTexto, perfil: string): boolean {
    const halladas = new Set(hit.coincidencias.map((t) => t.replace(/~$/, '')));
    const enPerfil = new Set(this.entradas.coleccion.terminos(perfil));
    // a product named counts too: an entry about it ("la garantía de los extintores") says more than the profile's general line;
    // the story around what is asked does not ("¿dónde queda el local? pa ir a mirar en persona" is no question about a course per person)
    const preguntado = this.preguntado(pregunta);
    const temas = this.temas(pregunta).filter(({ palabra }) => preguntado.has(palabra));
    const cuenta = (en: (t: string) => boolean) => temas.filter(({ terminos }) => terminos.some(en)).length;
    const [delPasaje, delPerfil] = [cuenta((t) => halladas.has(t)), cuenta((t) => enPerfil.has(t))];
    if (delPasaje !== delPerfil) return delPasaje > delPerfil;
    // as many, and one the profile's line lacks is the entry's own topic (its title or question): "el domingo funciona lo de la grúa?" is the tow service's;
    // or a figure asked is the passage's and not the line's: "¿nos dan crédito a 30 días?" is the entry's credit terms, not the means of payment
    const claves = new Set(hit.claves);
    const cifra = palabras(pregunta).some((w) => /^\d+$/.test(w) && halladas.has(w) && !enPerfil.has(w));
    return cifra || temas.some(({ terminos }) => terminos.some((t) => claves.has(t)) && !terminos.some((t) => enPerfil.has(t)));
  }

  /**
   * Whether the entry documents the profile line's own topic, and the question names it there: a
   * word the question shares with the entry's title is the line's too ("¿hasta qué horas
   * atienden?" of "Dirección y horario de atención" beside "Nuestro horario es…"). The shop wrote
   * that topic out in its own entry, which says more than the profile's one line. Its title, not
   * its question: "¿Recogen los extintores a domicilio…?" is about recharging, not deliveries.
   */
  private documentaElTema(pregunta: string, entrada: Conocimiento, perfil: string): boolean {
    const c = this.entradas.coleccion;
    const enPerfil = new Set(c.terminos(perfil));
    const preguntados = new Set(c.terminos(pregunta, true));
    return c.terminos(entrada.titulo).some((t) => preguntados.has(t) && enPerfil.has(t) && !FORMAS_DE_PREGUNTA.has(t));
  }

  /**
   * Whether the entry's title names the profile topic itself ("Formas de pago", "Dirección y
   * horario de atención", "Cambios y devoluciones"): the shop documented that topic in an entry
   * of its own, which answers a question the understanding read as about it ("¿dónde quedan?")
   * better than the profile's one line. Only the topics a title names plainly: "datos" may be a
   * service ("Recuperación de datos"), not the data notice.
   */
  private tituladoPor(entrada: Conocimiento, tema: string): boolean {
    const nombres = TEMAS_TITULABLES.get(tema);
    if (!nombres) return false;
    const c = this.entradas.coleccion;
    const propios = new Set(c.terminos(nombres));
    return c.terminos(entrada.titulo).some((t) => propios.has(t));
  }

  /** the question's words that can say what it is about, with their terms; fillers, common verbs, units and numbers never do */
  private temas(pregunta: string, delCatalogo?: (palabra: string) => boolean): Array<{ palabra: string; terminos: string[]; predio?: boolean }> {
    return this.enOrden(pregunta, delCatalogo).flatMap((x) => (x.terminos ? [{ palabra: x.palabra, terminos: x.terminos, predio: x.predio }] : []));
  }

  /** every word of the question in order, with its terms when it is a topic word (see `temas`): its own reading first, then the synonyms it adds */
  private enOrden(
    pregunta: string,
    delCatalogo?: (palabra: string) => boolean,
    /** the words of the part the whole message asks, when `pregunta` is a clause of it */
    preguntado = this.preguntado(pregunta, delCatalogo),
  ): Array<{ palabra: string; terminos?: string[]; predio?: boolean }> {
    const c = this.entradas.coleccion;
    const lista = palabras(c.conFrases(pregunta));
    const formas = new Set(c.terminos([...FORMAS_DE_PREGUNTA].join(' ')));
    return lista.map((w, i) => {
      // a product the shop sells, a unit, or the shape of the question ("cada cuánto" read as frecuencia) is no topic
      if (FORMAS_DE_PREGUNTA.has(w) || delCatalogo?.(w) || esRelleno(w, UNIDADES.test.bind(UNIDADES))) return { palabra: w };
      if (w.length < 3 || /\d/.test(w) || esRelleno(w, (x) => VACIAS_ES.has(x) || c.esVacia(x)) || esVerboComun(w)) return { palabra: w };
      const terminos = c.terminos(w, true);
      // another form of the question's shape ("¿en cuánto se demoran?", "¿cuánto cobraron?") is that shape too
      if (terminos.length && terminos.every((t) => formas.has(t))) return { palabra: w };
      // "le quedó grande", "me mandaste": a common verb in another form, unless an entry is about that word ("pedido mínimo")
      if (pareceVerboComun(w) && !terminos.some((t) => c.esClave(t))) return { palabra: w };
      // the story around the question ("tengo una empresa de aseo…", "…nos tumbaron con otro proveedor") in words no entry uses is no topic
      if (!preguntado.has(w) && !terminos.some((t) => c.conoce(t))) return { palabra: w };
      if (!terminos.length) return { palabra: w };
      // the premises where the matter is ("los extintores del edificio", "en la bodega") say what the question is about only when the passage holds them
      return PREDIOS.test(w) && esComplemento(lista, i) ? { palabra: w, terminos, predio: true } : { palabra: w, terminos };
    });
  }

  /**
   * The words of the part a message asks, outside which its story lies (see `enOrden`); all of
   * them when that part names a product, whose story may be what is asked of it ("¿los cascos
   * tienen garantía? a uno se le partió el ala").
   */
  private preguntado(mensaje: string, delCatalogo?: (palabra: string) => boolean): Set<string> {
    const c = this.entradas.coleccion;
    const parte = palabras(c.conFrases(loPreguntado(mensaje)));
    return new Set(parte.some((w) => w.length >= 3 && delCatalogo?.(w)) ? palabras(c.conFrases(mensaje)) : parte);
  }

  /** The passage's sentences that share most words with the question, in their own order, short. */
  private extracto(texto: string, pregunta: string): string {
    const terminos = new Set(this.entradas.coleccion.terminos(pregunta, true));
    const lista = oraciones(texto);
    if (lista.length <= 2) return lista.join(' ');
    const puntuadas = lista.map((o, i) => ({ i, o, n: this.entradas.coleccion.terminos(o).filter((t) => terminos.has(t)).length }));
    const elegidas = [...puntuadas].sort((a, b) => b.n - a.n || a.i - b.i).slice(0, 2);
    if (elegidas[0].n === 0) return lista.slice(0, 2).join(' ');
    return elegidas
      .filter((e) => e.n > 0)
      .sort((a, b) => a.i - b.i)
      .map((e) => e.o)
      .join(' ');
  }

  private async recomendados(skus: string[]): Promise<Producto[]> {
    if (skus.length === 0) return [];
    const porSku = new Map((await this.productos.findBy({ sku: In(skus), activo: true })).map((p) => [p.sku, p]));
    return skus.flatMap((s) => porSku.get(s) ?? []);
  }

  /** Advice with no entry for it: what the shop carries, by category, instead of a dead end. */
  private async panorama(n: Negocio): Promise<string> {
    const activos = await this.productos.find({ where: { activo: true }, order: { categoria: 'ASC', precio: 'ASC' } });
    const porCategoria = new Map<string, Producto[]>();
    for (const p of activos) porCategoria.set(p.categoria, [...(porCategoria.get(p.categoria) ?? []), p]);
    if (porCategoria.size === 0) return FRASES.sinInformacion(n);
    const lineas = [...porCategoria].map(
      ([c, ps]) =>
        `• ${c.replace(/-/g, ' ')} (${ps.length}): ${ps
          .slice(0, 2)
          .map((p) => p.nombre)
          .join(', ')}${ps.length > 2 ? '…' : ''}`,
    );
    return [
      'No tengo una recomendación guardada para eso, pero te cuento lo que manejamos:',
      ...lineas,
      '¿Para qué uso lo necesitas? Con eso te oriento, o le pido a un asesor que te ayude.',
    ].join('\n');
  }
}

/**
 * How sure the best passage is: the share of the question's informative words it holds, its
 * semantic closeness, and how much of its entry's title or question the customer asked about;
 * absolute, so one threshold works for every question.
 */
export function confianzaDe(hit: HitTexto): number {
  return Math.round((0.5 * hit.cobertura + 0.2 * hit.semantico + 0.3 * hit.clave) * 1000) / 1000;
}

/**
 * Confident enough to answer. A passage sharing no word with its entry's title or question
 * must also hold most of the question: one stray word in common ("el local") is not an answer;
 * and a question with a topic word the passage lacks must be nearly all in it, or, when no entry
 * is about that word ("¿me ayudan con…?"), more than half in it a little more surely.
 */
export function seguro(hit: HitTexto, umbral: number, ajenas: 'ninguna' | 'desconocidas' | 'de otras entradas' = 'ninguna'): boolean {
  const confianza = confianzaDe(hit);
  if (confianza < umbral || (hit.clave === 0 && hit.cobertura < 0.6)) return false;
  if (ajenas === 'ninguna' || hit.cobertura >= 0.75) return true;
  return ajenas === 'desconocidas' && hit.cobertura > 0.5 && confianza >= umbral + MARGEN_AJENAS;
}

/** the profile topics whose name an entry's title says plainly when it documents them (see `tituladoPor`) */
const TEMAS_TITULABLES = new Map([
  ['horario', 'horario'],
  ['direccion', 'direccion ubicacion sede'],
  ['pago', 'pago'],
  ['entrega', 'entrega envio domicilio'],
  ['devoluciones', 'devoluciones'],
]);

/** what the topic words a passage holds must weigh (about one uncommon word, or two common ones), and their share of the question's, for `centrada` */
const PESO_CENTRADA = 2;
const PARTE_CENTRADA = 0.3;
/** what words naming other entries' topics may weigh beside the passage's own ("la brigada de la empresa": empresa is another entry's title, but a common word) */
const PARTE_DE_OTRAS = 1 / 3;
/** a word held by more than this share of the passages is the shop's everyday vocabulary ("pared", "color" in a paint store), no other entry's topic */
const PARTE_COMUN = 0.15;
/**
 * the words that join a topic word to what it is said of ("curso de excel", "envíos a Quito", "bordan también gorras");
 * not an indefinite article, which brings in someone or something new ("inscribir a un muchacho")
 */
const ENLACES = new Set('de del a al para pa pal en con el la los las tambien mis mi sus su'.split(' '));

/** an infinitive, with its pronouns ("aprender", "controlarla", "inscribirme"), and the words that make it a purpose */
const INFINITIVO = /^[a-z]{2,}(?:ar|er|ir)(?:me|te|se|le|les|lo|la|los|las|nos)?$/;
const PROPOSITO = new Set(['pa', 'para', 'de', 'a']);

/** verbs asking whether the shop has a thing, and the words between such a verb and the thing */
const TENER = new Set('tienen tiene tendran venden vende manejan maneja alquilan alquila rentan renta hay ofrecen ofrece consiguen consigue'.split(' '));
/** the nouns of a way or a chance of doing something, which a verb of having asks for instead of a thing ("¿hay forma de…?", "¿tienen opción de…?") */
const LIGERAS = new Set('forma formas manera maneras modo posibilidad posible opcion opciones chance alternativa alternativas personal gente'.split(' '));
/** what a thing is of or with, right after it ("convenio con algún concesionario") */
const JUNTO = /^(?:de|del|con) (?:(?:algun|alguna|algunos|algunas|un|una|unos|unas|el|la|los|las) )?([a-z]+)/;
/** the verbs of renting, which ask for renting whatever is rented */
const ALQUILAR = /^(alquil|rent)/;
/** a verb said to the shop ("¿pintan cascos?", "¿arreglan bombas?"): what the shop does to a thing, which opening a clause asks about that thing */
const DE_USTEDES = /^[a-z]{3,}(?:an|en)$/;
/** the words by which a question points back at the way the message told before it ("¿trabajan así?"); not "eso", which a question often names its own topic with ("¿eso ya tiene el IVA?") */
const ANAFORAS = new Set(['asi']);
/** greetings before a question's verb ("buenos días, tienen…", "hola venden…") */
const SALUDOS = new Set('hola buenas buenos buen dia dias tardes noches ola oiga oye disculpe vecino'.split(' '));
const DETERMINANTES = new Set('el la los las un una unos unas algun alguna algunos algunas de del su sus ustedes tambien donde'.split(' '));

/** how much of its entry's title or question a question must name, and how far behind the next entry must be, for `preguntaLoSuyo` */
const CLAVE_PROPIA = 0.2;
const MARGEN_SEGUNDO = 0.8;

/** the clauses of a message that end in a question mark; without one, its last clause */
export function clausulasQuePreguntan(mensaje: string): string[] {
  const preguntas = [...mensaje.matchAll(/([^?¿.!;,]+)\?/g)].map((m) => m[1].trim()).filter(Boolean);
  return preguntas.length
    ? preguntas
    : mensaje
        .split(/[.!;,¿¡]+/)
        .map((c) => c.trim())
        .filter(Boolean)
        .slice(-1);
}

/** how much surer than the threshold an answer must be when the question holds a topic word its passage lacks */
const MARGEN_AJENAS = 0.05;

/** Spanish stopwords (stopwords-iso, less the few that are this trade's topics), and units, times, places and plain adjectives: never a question's topic */
const TEMAS_DEL_OFICIO = new Set(['seguro', 'seguros', 'trabajo', 'trabajar', 'trabajan', 'tiempo', 'uso', 'usar']);
const VACIAS_ES = new Set<string>(stopwordsIso.es.filter((w: string) => !TEMAS_DEL_OFICIO.has(w)));
const UNIDADES =
  /^(lb|lbs|libras?|kg|kilos?|gramos?|litros?|galon(es)?|metros?|cm|mm|semanas?|mes(es)?|anos?|dias?|horas?|casa|hogar|apartamento|apto|negocio|oficina|local|complet[oa]s?|basic[oa]s?|buen[oa]?|grandes?|pequen[oa]s?|chic[oa]s?|nuev[oa]s?)$/;
/** a word, or the word its diminutive is of ("ahorita", "cerquita", "poquito", "chiquitas"), that `es` reads as no topic */
function esRelleno(palabra: string, es: (palabra: string) => boolean): boolean {
  return es(palabra) || sinDiminutivo(palabra).some(es);
}
/**
 * the kinds of premises a customer keeps things in or works at ("los extintores del edificio", "la bodega de Itagüí",
 * "un hotelito en El Poblado"): where the question's matter is, never what it asks about
 */
const PREDIOS = /^(bodegas?|edificios?|conjuntos?|copropiedad(es)?|plantas?|restaurantes?|panaderias?|hotel(es|ito)?|colegios?|escuelas?|fincas?)$/;
/** whether the word at `i` is a complement of place or belonging: after "de", "en", "pa"…, maybe with an article or possessive between */
function esComplemento(lista: string[], i: number): boolean {
  const [antes, antes2] = [lista[i - 1], lista[i - 2]];
  return PREPOSICIONES.has(antes) || (ARTICULOS.has(antes) && PREPOSICIONES.has(antes2));
}
const PREPOSICIONES = new Set('de del en pa pal para al a desde'.split(' '));
const ARTICULOS = new Set('el la los las un una unos unas mi mis su sus nuestra nuestro nuestras nuestros esta este esa ese'.split(' '));
/**
 * The part of a message that asks: its sentences with a question mark (all of it when none has
 * one), less greetings and the clauses that tell the customer's circumstances ("tengo una
 * empresa de aseo con 12 señoras", "es pa un hotelito", "me dijeron que…"). Folded.
 */
export function loPreguntado(mensaje: string): string {
  return preguntasDe(mensaje).join(', ');
}

/** each question of the message as `loPreguntado` reads it ("¿es con práctica o pura teoría? ¿y al final dan constancia?": two) */
export function preguntasDe(mensaje: string): string[] {
  const frases = plegar(mensaje)
    .replace(/[¿¡]/g, '')
    .split(/(?<=[?.!;])\s*(?=[a-z0-9])/)
    .map((f) => f.trim())
    .filter(Boolean);
  const preguntas = frases.filter((f) => f.includes('?'));
  const sinHistoria = (frase: string) => {
    const partes = frase
      .split(/,\s*/)
      .map((x) => x.replace(SALUDO, '').trim())
      .filter(Boolean);
    const quedan = partes.filter((x) => !CIRCUNSTANCIA.test(x));
    return (quedan.length ? quedan : partes).join(', ');
  };
  const leidas = (preguntas.length ? preguntas : [frases.join(' ')]).map(sinHistoria).filter(Boolean);
  return leidas.length ? leidas : [sinHistoria(frases.join(' '))];
}
const SALUDO =
  /^(hola|buenas|buenos dias|buenas tardes|buenas noches|buen dia|ola|ey|ve|oiga|oye|disculpe|una pregunta|pregunta|vecino|mija|mijo|senor|senora|don|dona)( (tardes|noches|dias))?\b[ ,]*/;
/** a clause that tells who the customer is, what they have or did, or what they were told: the story around the question */
const CIRCUNSTANCIA =
  /^(y |pero |es q(ue)? |porque |pq |xq )?(tengo|tenemos|tiene|somos|soy|estoy|estamos|voy a|vamos a|mi |mis |nuestr|es (pa|para|uno|una|un|q|que|de)\b|son \d|me (dijeron|pasaron|exigen|piden|pidieron)|compre|abri|trabajo|hace \d|ya )/;

/** the text without its complements of purpose, place or belonging ("para la empresa", "de mi taller", "en la obra") */
function sinComplementos(texto: string): string {
  return texto.replace(COMPLEMENTO, ' ');
}
const COMPLEMENTO = /\b(para|pa|pal|de|del|en|a|al) ((la|el|los|las|mi|mis|su|sus|nuestr[oa]s?|un|una|unos|unas) )?[a-z0-9]+/g;

/** the kit's cards under the answer, and the offer a "sí" or "agrégalos todos" takes (N of each for N people) */
function conProductos(texto: string, productos: Producto[], n: Negocio, personas?: number): string {
  if (productos.length === 0) return texto;
  const oferta = personas
    ? `¿Te agrego ${personas} de cada uno, o solo algunos?`
    : productos.length > 1
      ? '¿Te los agrego todos o solo alguno?'
      : '¿Te lo agrego?';
  return [texto, ...productos.map((p) => fichaProducto({ id: p.id, nombre: p.nombre, precio: p.precio, stock: p.stock }, n)), oferta].join('\n');
}
