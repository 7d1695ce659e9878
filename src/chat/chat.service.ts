import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Empresa } from '../empresa/empresa.entity';
import { EmpresaService } from '../empresa/empresa.service';
import { Cliente } from '../clientes/cliente.entity';
import { ClientesService } from '../clientes/clientes.service';
import { ConocimientoService, RespuestaConocimiento as RespuestaDeConocimiento } from '../conocimiento/conocimiento.service';
import { Codigo, DetalleSinStock, esError, noDisponible, noProcesable, tipoNoSoportado } from '../common/errores';
import { multiplicar } from '../common/money';
import { TransaccionesService } from '../database/transacciones.service';
import { MetricasService } from '../metricas/metricas.service';
import { PedidosService } from '../pedidos/pedidos.service';
import { Producto } from '../productos/producto.entity';
import { ProductosService } from '../productos/productos.service';
import { RetrievalService } from '../retrieval/retrieval.service';
import { extraerDatos, validarCampo } from './agente/datos-cliente';
import { montosEn, verificarRedaccion } from './agente/guardia';
import { indiciosDeTema } from './agente/entender';
import {
  datosFaltantes,
  Decision,
  escalamiento,
  EstadoConversacion,
  leerEstado,
  noEncontrados,
  registra,
  sinStock,
  totalPedido,
  trasRegistro,
} from './agente/maquina';
import { CategoriaCatalogo, disponibilidad, FilaCatalogo, FRASES, nombreCategoria, respuestaPerfil } from './agente/plantillas';
import { Acto, intencionDe } from './agente/tipos';
import { prefiereConocimiento, PuertosTurno, RespuestaConocimiento, turnoPuro } from './agente/turno';
import { CanalesService } from './canales.service';
import { CERROJO_CHAT, CerrojoChat } from './cerrojo';
import { RespuestaChatDto } from './chat.dto';
import { Conversacion, marcaHumano } from './conversacion.entity';
import { ConversacionesService, NuevoMensaje } from './conversaciones.service';
import { ContextoInterpretacion, MODELO_LENGUAJE, ModeloLenguaje } from './llm/llm.interfaces';
import { LocalModelo } from './llm/local.modelo';
import { Transcripcion, TRANSCRIPCION, Vision, VISION } from './medios/medios.interfaces';
import { tipoAudio, tipoImagen } from './medios/tipo-archivo';
import { Mensaje } from './mensaje.entity';
import { ProductoNoEncontrado } from './producto-no-encontrado.entity';

const fila = (p: Producto): FilaCatalogo => ({ id: p.id, nombre: p.nombre, precio: p.precio, stock: p.stock });

/**
 * One customer turn, as AGENT.md describes it: store → respect takeover → understand →
 * retrieve → state machine → register → answer (guarded) → store. Any channel calls
 * `atender`; the REST controller and the Telegram bot are thin adapters around it.
 */
@Injectable()
export class ChatService {
  private readonly logger = new Logger(ChatService.name);
  private readonly local = new LocalModelo();

  constructor(
    private readonly conversaciones: ConversacionesService,
    private readonly canales: CanalesService,
    private readonly empresa: EmpresaService,
    private readonly retrieval: RetrievalService,
    private readonly pedidos: PedidosService,
    private readonly tx: TransaccionesService,
    private readonly metricas: MetricasService,
    @Inject(MODELO_LENGUAJE) private readonly modelo: ModeloLenguaje,
    @Inject(TRANSCRIPCION) private readonly transcripcion: Transcripcion | null,
    @Inject(VISION) private readonly vision: Vision | null,
    @Inject(CERROJO_CHAT) private readonly cerrojo: CerrojoChat,
    private readonly catalogo: ProductosService,
    private readonly clientes: ClientesService,
    private readonly conocimiento: ConocimientoService,
  ) {}

  atender(texto: string, chatId: string = `web-${randomUUID()}`, canal = 'api', metadatos: Record<string, unknown> = {}): Promise<RespuestaChatDto> {
    return this.cerrojo.ejecutar(chatId, () => this.turno(chatId, texto, canal, metadatos));
  }

  /**
   * A voice note is transcribed, then it is one text turn; the transcription travels in the
   * answer's metadatos. No provider, or one that fails: ProveedorNoDisponible (503 on the API).
   */
  async atenderAudio(audio: Buffer, chatId: string = `web-${randomUUID()}`, canal = 'api', extra: Record<string, unknown> = {}): Promise<RespuestaChatDto> {
    const tipo = tipoAudio(audio);
    if (!tipo) throw tipoNoSoportado('El audio debe ser ogg/opus, mp3, m4a, wav o webm');
    if (!this.transcripcion) throw noDisponible('No hay proveedor de transcripción (TRANSCRIPTION_PROVIDER): escribe tu mensaje, por favor');
    const texto = await this.metricas.medir(`proveedor.${this.transcripcion.nombre}.transcribir`, () => this.transcripcion!.transcribir(audio, tipo));
    if (!texto) throw noProcesable('No se entendió la nota de voz: intenta de nuevo o escribe tu mensaje');
    return this.atender(texto, chatId, canal, { ...extra, medio: 'audio', transcripcion: texto });
  }

  /**
   * A photo becomes a search: the vision provider's description, with the caption if any. Without
   * a provider (or when it fails) the caption alone is used; without either, the customer is
   * asked to describe the product.
   */
  async atenderImagen(
    imagen: Buffer,
    leyenda: string | undefined,
    chatId: string = `web-${randomUUID()}`,
    canal = 'api',
    extra: Record<string, unknown> = {},
  ): Promise<RespuestaChatDto> {
    const tipo = tipoImagen(imagen);
    if (!tipo) throw tipoNoSoportado('La imagen debe ser jpeg, png o webp');
    let descripcion: string | undefined;
    if (this.vision) {
      try {
        descripcion = await this.metricas.medir(`proveedor.${this.vision.nombre}.describir`, () => this.vision!.describir(imagen, tipo, leyenda));
      } catch (e) {
        this.metricas.contar('respaldo.vision');
        this.logger.warn(`No se pudo describir la imagen; se usa la leyenda: ${(e as Error).message}`);
      }
    }
    if (descripcion && /^sin producto/i.test(descripcion)) descripcion = undefined;
    const texto = consultaDeImagen(descripcion, leyenda?.trim());
    const medio = { ...extra, medio: 'imagen', ...(descripcion ? { descripcion_imagen: descripcion } : {}), ...(leyenda ? { leyenda } : {}) };
    if (texto) return this.atender(texto, chatId, canal, medio);
    return this.cerrojo.ejecutar(chatId, () => this.sinTurno(chatId, canal, '[foto]', FRASES.fotoSinProducto, medio));
  }

  /** A message the agent cannot act on (a photo it cannot read): both sides stored, the order untouched. */
  private async sinTurno(chatId: string, canal: string, entrada: string, respuesta: string, metadatos: Record<string, unknown>): Promise<RespuestaChatDto> {
    const estado = await this.tx.ejecutar(async (m) => {
      const c = await this.conversaciones.obtenerOCrear(chatId, canal, m);
      await this.conversaciones.guardarMensaje({ chat_id: chatId, remitente: 'usuario', mensaje: entrada, estado_venta: c.estado_venta, metadatos }, m);
      if (!c.pausado)
        await this.conversaciones.guardarMensaje(
          { chat_id: chatId, remitente: 'agente', mensaje: respuesta, tipo_mensaje: 'inventario', estado_venta: c.estado_venta, metadatos },
          m,
        );
      return c;
    });
    if (estado.pausado)
      return {
        chat_id: chatId,
        respuesta: '',
        tipo_mensaje: 'sistema',
        estado_venta: estado.estado_venta,
        pedido: null,
        productos: [],
        metadatos: { pausado: true },
      };
    return { chat_id: chatId, respuesta, tipo_mensaje: 'inventario', estado_venta: estado.estado_venta, pedido: null, productos: [], metadatos };
  }

  /**
   * The turn holds its chat's lock, so the chat's row is read once, outside any transaction, and
   * the customer's message, the new state and the answer are written together in one at the end
   * (an order is already committed by then: `registrar`). If the agent or that write fails, the
   * customer's message is still stored, alone.
   */
  private async turno(chatId: string, texto: string, canal: string, extra: Record<string, unknown>): Promise<RespuestaChatDto> {
    const inicio = performance.now();
    const conversacion = await this.conversaciones.obtenerOCrear(chatId, canal);
    const entrada: NuevoMensaje = {
      chat_id: chatId,
      remitente: 'usuario',
      mensaje: texto,
      estado_venta: conversacion.estado_venta,
      metadatos: Object.keys(extra).length ? extra : null,
      timestamp: new Date(),
    };
    const soloEntrada = async (err: unknown): Promise<never> => {
      await this.tx
        .ejecutar((m) => this.conversaciones.guardarMensajes([entrada], m))
        .catch((e: Error) => this.logger.error(`Chat ${chatId}: no se guardó el mensaje del cliente: ${e.message}`));
      throw err;
    };
    const negocio = await this.empresa.obtener().catch(soloEntrada);
    const estado = leerEstado(conversacion.estado);
    // respect takeover
    if (conversacion.pausado) {
      this.metricas.contar('turnos.en_pausa');
      return this.respuestaEnPausa(entrada, negocio, estado);
    }
    const r = await this.responder(chatId, texto, estado, negocio, extra, inicio).catch(soloEntrada);
    const { respuesta, tipo_mensaje: intencion, estado_venta, metadatos } = r.dto;
    // store
    await this.tx
      .ejecutar(async (m) => {
        await this.conversaciones.guardarMensajes(
          [entrada, { chat_id: chatId, remitente: 'agente', mensaje: respuesta, tipo_mensaje: intencion, estado_venta, metadatos }],
          m,
        );
        const cambios: Partial<Conversacion> = {
          estado: { ...r.estado },
          estado_venta,
          ...(r.escalar ? { ...marcaHumano(r.escalar.motivo), necesita_humano_desde: conversacion.necesita_humano_desde ?? new Date() } : {}),
        };
        await m.update(Conversacion, { chat_id: chatId }, cambios as QueryDeepPartialEntity<Conversacion>);
        if (r.faltantes.length)
          await m.insert(
            ProductoNoEncontrado,
            r.faltantes.map((t) => ({ chat_id: chatId, texto: t.slice(0, 300) })),
          );
      })
      .catch(soloEntrada);
    this.metricas.contar('turnos');
    this.metricas.contar(`intencion.${intencion}`);
    for (const a of r.actos) this.metricas.contar(`acto.${a.tipo}`);
    return r.dto;
  }

  /** understand → resolve → decide (pure, over ports) → register → phrase: the answer and what the turn changes */
  private async responder(chatId: string, texto: string, estado: EstadoConversacion, negocio: Empresa, extra: Record<string, unknown>, inicio: number) {
    // what the knowledge base said goes into metadatos
    const consultado: { conocimiento?: RespuestaDeConocimiento } = {};
    const [carritoActual, clienteRegistrado, ultimosTurnos] = await Promise.all([
      this.filasDe(estado.items.map((l) => l.producto_id)),
      this.registroDeCedula(texto, estado),
      // this message is not stored yet: it closes the context as it did once stored
      this.modelo.nombre === this.local.nombre
        ? Promise.resolve(undefined)
        : this.conversaciones.ultimosTurnos(chatId, 5).then((t) => [...t, { remitente: 'usuario' as const, mensaje: texto }]),
    ]);
    const {
      interpretacion,
      interprete,
      decision: decidida,
    } = await turnoPuro(
      {
        mensaje: texto,
        estado,
        negocio,
        carritoActual,
        clienteRegistrado: clienteRegistrado && aDatos(clienteRegistrado),
        ultimosTurnos,
        ahora: new Date().toISOString(),
      },
      this.puertos(chatId, negocio, consultado),
      (e) => {
        this.metricas.contar('respaldo_local.interpretar');
        this.logger.warn(`${this.modelo.nombre} no interpretó el mensaje; se usan las reglas locales: ${e.message}`);
      },
    );
    let decision = decidida;
    if (registra(decision)) decision = await this.registrar(chatId, decision, negocio);

    // phrase
    // a knowledge answer alone was written (and guarded against its passages) already: phrasing it again would skip that guard
    const soloConocimiento = consultado.conocimiento?.sabe && interpretacion.actos.every((a) => a.tipo === 'consultar_negocio' || a.consejo);
    const { respuesta, redactor } = soloConocimiento
      ? { respuesta: decision.respuesta, redactor: consultado.conocimiento!.redactor }
      : await this.redactar(texto, decision, negocio);
    const e = decision.estado;
    const pedido =
      e.items.length || e.pedido
        ? {
            id: e.pedido?.id ?? null,
            estado: e.pedido?.estado ?? e.fase ?? 'carrito',
            items: e.items.map((l) => ({ ...l, subtotal: multiplicar(l.precio_unitario, l.cantidad) })),
            total: e.pedido?.total ?? totalPedido(e.items),
            datos_faltantes: e.pedido ? [] : datosFaltantes(e),
          }
        : null;
    const productosRespuesta = await this.tarjetas(decision.productos, negocio);
    const faltantes = noEncontrados(decision);
    const escalar = escalamiento(decision);
    const intencion = intencionDe(interpretacion.actos);
    const temas = interpretacion.actos.flatMap((a) => (a.tema ? [a.tema] : []));
    const metadatos = {
      ...extra,
      actos: interpretacion.actos.map((a) => a.tipo),
      ...(temas.length ? { tema: temas[0] } : {}),
      interprete: interprete === 'local' ? this.local.nombre : this.modelo.nombre,
      redactor,
      productos: productosRespuesta.map((p) => p.id),
      ...(e.pedido ? { pedido_id: e.pedido.id } : {}),
      ...(faltantes.length ? { no_encontrados: faltantes } : {}),
      ...(escalar ? { escalar: true, motivo_escalamiento: escalar.motivo } : {}),
      ...fuenteDeNegocio(interpretacion.actos, negocio, consultado.conocimiento),
      ms: Math.round(performance.now() - inicio),
    };
    const dto: RespuestaChatDto = {
      chat_id: chatId,
      respuesta,
      tipo_mensaje: intencion,
      estado_venta: e.fase,
      pedido,
      productos: productosRespuesta,
      metadatos,
    };
    return { dto, estado: e, escalar, faltantes, actos: interpretacion.actos };
  }

  /** A paused chat: the message is stored, the agent stays quiet (or says the configured hold text). */
  private async respuestaEnPausa(entrada: NuevoMensaje, negocio: Empresa, estado: EstadoConversacion): Promise<RespuestaChatDto> {
    const respuesta = negocio.mensaje_pausa ?? '';
    const espera: NuevoMensaje[] = respuesta
      ? [{ chat_id: entrada.chat_id, remitente: 'sistema', mensaje: respuesta, tipo_mensaje: 'sistema', estado_venta: estado.fase }]
      : [];
    await this.tx.ejecutar((m) => this.conversaciones.guardarMensajes([entrada, ...espera], m));
    return {
      chat_id: entrada.chat_id,
      respuesta,
      tipo_mensaje: 'sistema',
      estado_venta: estado.fase,
      pedido: null,
      productos: [],
      metadatos: { pausado: true },
    };
  }

  /** What the pure turn reads the world through: catalog, vocabulary, orders, the model, the knowledge base. */
  private puertos(chatId: string, negocio: Empresa, consultado: { conocimiento?: RespuestaDeConocimiento }): PuertosTurno {
    const remoto = this.modelo.nombre !== this.local.nombre;
    return {
      // the knowledge base: its honest "no sé" is the machine's own (no answer, a person on offer); advice without an entry gets the catalog overview
      conocimiento: async (pregunta, tema) => {
        const delCatalogo = (w: string) => this.retrieval.vocabulario.soporte(w) !== undefined;
        // the profile's line holds its topic's own words too, whatever it phrases them as
        const linea = respuestaPerfil(tema, negocio);
        const perfil = linea && [linea, ...indiciosDeTema(tema, pregunta)].join(' ');
        const extractiva = await this.conocimiento.responder(pregunta, { negocio, delCatalogo, perfil, tema });
        if (!extractiva.sabe && extractiva.necesita_humano) {
          consultado.conocimiento ??= extractiva;
          return undefined;
        }
        // the model writes only an answer that goes out
        if (!prefiereConocimiento(tema, negocio, extractiva)) return deConocimiento(extractiva);
        const r =
          remoto && extractiva.sabe ? await this.conocimiento.responder(pregunta, { negocio, modelo: this.modelo, delCatalogo, perfil, tema }) : extractiva;
        consultado.conocimiento = r;
        return deConocimiento(r);
      },
      servicio: async (pregunta, compra, concreta) => {
        const lector = this.retrieval.vocabulario;
        const r = await this.conocimiento.responderServicio(pregunta, (w) => lector.soporte(w) !== undefined, {
          negocio,
          modelo: remoto ? this.modelo : undefined,
          soloTitulo: compra,
          sinComplementos: concreta,
        });
        if (r) consultado.conocimiento = r;
        return r && deConocimiento(r);
      },
      lector: this.retrieval.vocabulario,
      buscar: async (q) =>
        (await this.retrieval.buscar(q, { limite: 8 })).resultados.map((r) => ({
          producto: fila(r.producto),
          categoria: r.producto.categoria,
          score: r.score,
          cobertura: r.cobertura,
          sinCoincidir: r.sinCoincidir,
          coincidencias: r.coincidencias,
        })),
      categorias: () => this.categorias(),
      listar: async (clave, desde, limite) => {
        const { items, total } = await this.catalogo.paginaActivos(clave, desde, limite);
        return { filas: items.map(fila), total, titulo: clave ? nombreCategoria(clave) : 'nuestro catálogo' };
      },
      ultimoPedido: () => this.pedidos.ultimoDelChat(chatId),
      ...(remoto
        ? {
            interpretar: (mensaje: string, contexto: ContextoInterpretacion) =>
              this.metricas.medir(`proveedor.${this.modelo.nombre}.interpretar`, () => this.modelo.interpretar(mensaje, contexto, this.retrieval.vocabulario)),
          }
        : {}),
    };
  }

  /**
   * The stored customer of the cédula this chat carries, for the state machine to reuse only
   * after the phone on file is typed too (a cédula proves nothing). Inactive customers buy as guests.
   */
  private async registroDeCedula(texto: string, estado: EstadoConversacion): Promise<Cliente | null> {
    if (estado.fase !== 'recolectando_datos') return null;
    const tecleada = estado.campo === 'cedula' ? validarCampo('cedula', texto) : undefined;
    const enMensaje = /\d{5,}/.test(texto) ? extraerDatos(texto, estado.campo).datos.cedula : undefined;
    const cedula = enMensaje ?? (tecleada?.ok ? tecleada.valor : undefined) ?? estado.datos.cedula;
    return cedula ? this.clientes.activo(cedula) : null;
  }

  private async filasDe(ids: number[]): Promise<Record<number, FilaCatalogo>> {
    if (ids.length === 0) return {};
    return Object.fromEntries((await this.catalogo.activosPorId(ids)).map((p) => [p.id, fila(p)]));
  }

  private async categorias(): Promise<{ categorias: CategoriaCatalogo[]; total: number }> {
    const resumen = await this.catalogo.resumenCategorias(3);
    const categorias = resumen
      .sort((a, b) => b.total - a.total || a.categoria.localeCompare(b.categoria))
      .map((c) => ({ clave: c.categoria, nombre: nombreCategoria(c.categoria, c.palabras), total: c.total, ejemplos: c.ejemplos.map(enMinuscula) }));
    return { categorias, total: resumen.reduce((n, c) => n + c.total, 0) };
  }

  /**
   * Stores customer and order in one transaction through the same service the staff API uses.
   * The key is chat + cart number: a retried turn finds the order instead of adding another.
   */
  private async registrar(chatId: string, decision: Decision, negocio: Empresa): Promise<Decision> {
    const e = decision.estado;
    const d = e.datos;
    try {
      const { pedido } = await this.pedidos.crear(
        { cliente_cedula: d.cedula!, items: e.items.map((l) => ({ producto_id: l.producto_id, cantidad: l.cantidad })), chat_id: chatId },
        `chat:${chatId}:${e.carrito}`,
        {
          cliente: {
            cedula: d.cedula!,
            nombre_completo: d.nombre_completo!,
            telefono: d.telefono ?? null,
            correo: d.correo || null,
            direccion: d.direccion ?? null,
            barrio: d.barrio ?? null,
            indicaciones_adicionales: d.indicaciones_adicionales || null,
            consentimiento_datos: e.consentimiento ? new Date(e.consentimiento) : null,
          },
          // only a customer who typed the phone on file may change their stored record
          actualizarCliente: e.verificada === d.cedula,
        },
      );
      this.metricas.contar('pedidos.chat');
      const registrada = trasRegistro(e, { id: pedido.id, total: pedido.total, estado: pedido.estado }, negocio);
      return { ...registrada, efectos: [...decision.efectos.filter((x) => x.tipo !== 'registrar'), ...registrada.efectos] };
    } catch (err) {
      // someone bought the last units meanwhile: the customer is offered what is left
      if (esError(err, Codigo.SIN_STOCK)) {
        const { producto_id } = err.details as DetalleSinStock;
        const actual = (await this.filasDe([producto_id]))[producto_id];
        if (actual) return sinStock(e, actual, negocio);
      }
      throw err;
    }
  }

  /** The model phrases the answer from the template; the guard decides whether the customer sees it. */
  private async redactar(mensaje: string, decision: Decision, negocio: Empresa): Promise<{ respuesta: string; redactor: string }> {
    if (this.modelo.nombre === this.local.nombre || !decision.respuesta) return { respuesta: decision.respuesta, redactor: 'plantilla' };
    const e = decision.estado;
    // The template was written by the state machine from the database: its amounts are true.
    const montos = [
      ...montosEn(decision.respuesta),
      ...decision.productos.map((p) => p.precio),
      ...e.items.map((l) => multiplicar(l.precio_unitario, l.cantidad)),
      totalPedido(e.items),
      ...(e.pedido ? [e.pedido.total] : []),
    ];
    const nombres = [...decision.productos.map((p) => p.nombre), ...e.items.map((l) => l.nombre)];
    try {
      const texto = await this.metricas.medir(`proveedor.${this.modelo.nombre}.redactar`, () =>
        this.modelo.redactar({
          mensajeCliente: mensaje,
          borrador: decision.respuesta,
          productos: decision.productos.map((p) => ({ nombre: p.nombre, precio: p.precio })),
          montos,
          nombreAgente: negocio.nombre_agente,
          nombreNegocio: negocio.nombre,
          tono: negocio.tono,
        }),
      );
      const veredicto = verificarRedaccion(texto, { productos: nombres, montos, catalogo: await this.nombresCatalogo() });
      if (veredicto.ok && texto.trim()) return { respuesta: texto.trim(), redactor: this.modelo.nombre };
      this.metricas.contar('guardia.bloqueos');
      this.logger.warn(`Guardia: respuesta de ${this.modelo.nombre} descartada (${veredicto.ok ? 'vacía' : veredicto.motivo})`);
      return { respuesta: decision.respuesta, redactor: 'plantilla (guardia)' };
    } catch (err) {
      this.metricas.contar('respaldo_local.redactar');
      this.logger.warn(`${this.modelo.nombre} no redactó; se usa la plantilla: ${(err as Error).message}`);
      return { respuesta: decision.respuesta, redactor: 'plantilla (respaldo)' };
    }
  }

  private nombresCatalogo(): Promise<string[]> {
    return this.catalogo.nombresActivos();
  }

  /** product cards with fresh availability, in the order the answer names them */
  private async tarjetas(filas: FilaCatalogo[], negocio: Empresa) {
    const frescas = await this.filasDe(filas.map((f) => f.id));
    return filas.map((f) => frescas[f.id] ?? f).map((p) => ({ id: p.id, nombre: p.nombre, precio: p.precio, disponibilidad: disponibilidad(p, negocio) }));
  }

  /** stored as the operator's, then delivered on the chat's own channel */
  async responderComoOperador(chatId: string, texto: string): Promise<Mensaje> {
    const conversacion = await this.conversaciones.obtener(chatId);
    await this.conversaciones.atendido(chatId);
    const mensaje = await this.conversaciones.guardarMensaje({
      chat_id: chatId,
      remitente: 'operador',
      mensaje: texto,
      estado_venta: conversacion.estado_venta,
    });
    const entregado = await this.canales.enviar(conversacion.canal, chatId, texto, `operador:${mensaje.id}`);
    return Object.assign(mensaje, { metadatos: { ...(mensaje.metadatos ?? {}), entregado } });
  }
}

/** "quiero 3 de estos" + a photo of a yellow helmet → "quiero 3 casco amarillo" */
export function consultaDeImagen(descripcion?: string, leyenda?: string): string {
  if (!descripcion) return leyenda ?? '';
  if (!leyenda) return descripcion;
  const conReferencia = leyenda.replace(/\b(de )?(est[oa]s?|es[oa]s?|este|ese)\b/i, descripcion);
  return conReferencia !== leyenda ? conReferencia : `${leyenda}: ${descripcion}`;
}

function aDatos(c: Cliente) {
  return {
    nombre_completo: c.nombre_completo,
    cedula: c.cedula,
    telefono: c.telefono ?? undefined,
    correo: c.correo ?? undefined,
    direccion: c.direccion ?? undefined,
    barrio: c.barrio ?? undefined,
  };
}

function enMinuscula(nombre: string): string {
  return nombre.charAt(0).toLowerCase() + nombre.slice(1);
}

function deConocimiento(r: RespuestaDeConocimiento): RespuestaConocimiento {
  return { respuesta: r.respuesta, fuentes: r.fuentes.map((f) => `conocimiento:${f.id}`), productos: r.productos.map(fila), especifica: r.especifica };
}

/**
 * Where a business answer came from, for ops and the eval: the profile, or the knowledge base
 * with its source entries, confidence and writer (an honest "no sé" has no sources).
 */
function fuenteDeNegocio(actos: Acto[], negocio: Empresa, conocimiento: RespuestaDeConocimiento | undefined): Record<string, unknown> {
  if (conocimiento?.sabe)
    return {
      fuente: 'conocimiento',
      conocimiento: { sabe: true, fuentes: conocimiento.fuentes, confianza: conocimiento.confianza, redactor: conocimiento.redactor },
    };
  const delPerfil = actos.some((a) => a.tipo === 'consultar_negocio' && a.tema && respuestaPerfil(a.tema, negocio));
  if (delPerfil) return { fuente: 'perfil' };
  return conocimiento ? { conocimiento: { sabe: false, fuentes: [], confianza: conocimiento.confianza } } : {};
}
