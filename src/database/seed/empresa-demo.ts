import { Empresa } from '../../empresa/empresa.entity';

/** The demo shop's business profile, loaded with the demo catalog. */
export const EMPRESA_DEMO: Omit<Empresa, 'id' | 'actualizado_en'> = {
  nombre: 'Seguridad Industrial El Roble',
  nombre_agente: 'Sofía',
  tono: 'cálido, breve y de tú',
  horario: 'lunes a viernes de 7:00 a.m. a 5:30 p.m. y sábados de 8:00 a.m. a 1:00 p.m.; domingos y festivos cerrado',
  direccion: 'Carrera 52 # 29-40, barrio Guayabal, Medellín',
  telefono_contacto: '604 444 1234',
  medios_pago: ['efectivo contra entrega', 'Nequi', 'Daviplata', 'transferencia Bancolombia', 'tarjeta débito o crédito en el local'],
  zonas_entrega: 'Medellín, Envigado, Itagüí, Sabaneta, Bello y La Estrella; al resto del país enviamos por transportadora',
  tiempos_entrega: 'en el área metropolitana de 24 a 48 horas hábiles; por transportadora de 2 a 5 días hábiles',
  devoluciones: 'cambios dentro de los 5 días hábiles siguientes a la entrega, con el producto sin uso y en su empaque',
  garantia: 'garantía del fabricante: 6 meses en calzado y dotación, 1 año en extintores (la recarga anual no está incluida)',
  aviso_datos:
    'Antes de seguir: Seguridad Industrial El Roble tratará tus datos (nombre, cédula, teléfono, correo y dirección) solo para gestionar tu pedido, la entrega y la factura, conforme a la Ley 1581 de 2012. Puedes consultarlos, corregirlos o pedir que los borremos escribiendo a datos@elroble.com.co. Al compartirlos aceptas este tratamiento.',
  limite_por_producto: 1000,
  mostrar_stock: true,
  mensaje_pausa: 'Un asesor de la tienda te está atendiendo; en un momento te responde.',
};
