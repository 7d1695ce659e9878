import { Empresa } from '../empresa/empresa.entity';
import { Auditoria } from '../auditoria/auditoria.entity';
import { SesionRevocada } from '../auth/sesion-revocada.entity';
import { Usuario } from '../auth/usuario.entity';
import { LecturaChat } from '../bandeja/lectura-chat.entity';
import { RespuestaRapida } from '../bandeja/respuesta-rapida.entity';
import { Conversacion } from '../chat/conversacion.entity';
import { Mensaje } from '../chat/mensaje.entity';
import { ProductoNoEncontrado } from '../chat/producto-no-encontrado.entity';
import { Cliente } from '../clientes/cliente.entity';
import { ClaveIntegracion } from '../integraciones/clave-integracion.entity';
import { Conocimiento } from '../conocimiento/conocimiento.entity';
import { Pedido } from '../pedidos/pedido.entity';
import { PedidoItem } from '../pedidos/pedido-item.entity';
import { Venta } from '../pedidos/venta.entity';
import { Producto } from '../productos/producto.entity';
import { Cambio } from '../retrieval/cambio.entity';
import { TelegramUpdate } from '../telegram/telegram-update.entity';

/** Every entity, listed once for the app, the CLI and the migration-drift test. */
export const ENTIDADES = [
  Producto,
  Cliente,
  Pedido,
  PedidoItem,
  Venta,
  Mensaje,
  Usuario,
  Empresa,
  Conversacion,
  ProductoNoEncontrado,
  TelegramUpdate,
  Auditoria,
  RespuestaRapida,
  LecturaChat,
  Cambio,
  ClaveIntegracion,
  SesionRevocada,
  Conocimiento,
];
