import { Empresa } from './empresa.entity';

/** What a shop that did not load the demo starts with: honest placeholders for ops to fill in. */
export const PERFIL_INICIAL: Omit<Empresa, 'id' | 'actualizado_en'> = {
  nombre: 'Mi tienda',
  nombre_agente: 'Asistente',
  tono: 'cálido y breve',
  horario: 'Aún no tengo registrado el horario.',
  direccion: 'Aún no tengo registrada la dirección.',
  telefono_contacto: '',
  medios_pago: [],
  zonas_entrega: 'Aún no tengo registradas las zonas de entrega.',
  tiempos_entrega: 'Aún no tengo registrados los tiempos de entrega.',
  devoluciones: 'Aún no tengo registrada la política de devoluciones.',
  garantia: 'Aún no tengo registrada la garantía.',
  aviso_datos:
    'Tus datos personales se usarán solo para gestionar tu pedido y su entrega, conforme a la Ley 1581 de 2012. Puedes consultarlos, corregirlos o pedir que los borremos cuando quieras.',
  limite_por_producto: 1000,
  mostrar_stock: true,
  mensaje_pausa: '',
};
