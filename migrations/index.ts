import { Inicial1764028800000 } from './1764028800000-Inicial';
import { Conversaciones1764115200000 } from './1764115200000-Conversaciones';
import { Telegram1764201600000 } from './1764201600000-Telegram';
import { Auditoria1764288000000 } from './1764288000000-Auditoria';
import { EntregaPedido1796111936502 } from './1796111936502-EntregaPedido';
import { Bandeja1796111960098 } from './1796111960098-Bandeja';
import { Cambios1796112031676 } from './1796112031676-Cambios';
import { AccesoChat1796112270106 } from './1796112270106-AccesoChat';
import { Sesiones1796113175713 } from './1796113175713-Sesiones';
import { Conocimiento1796112768727 } from './1796112768727-Conocimiento';
import { NecesitaHumano1796113192229 } from './1796113192229-NecesitaHumano';
import { PedidoCuentaParaCliente1796113500000 } from './1796113500000-PedidoCuentaParaCliente';

/**
 * Migrations in order. They are listed, not globbed, so the same list runs from ts-node (CLI),
 * from jest and from dist/ without path tricks. A new migration is added here.
 */
export const MIGRACIONES = [
  Inicial1764028800000,
  Conversaciones1764115200000,
  Telegram1764201600000,
  Auditoria1764288000000,
  EntregaPedido1796111936502,
  Bandeja1796111960098,
  Cambios1796112031676,
  AccesoChat1796112270106,
  Conocimiento1796112768727,
  Sesiones1796113175713,
  NecesitaHumano1796113192229,
  PedidoCuentaParaCliente1796113500000,
];
