/**
 * The vocabulary of the sales conversation, shared by understanding (local rules or a language
 * model), the pure state machine and the answer writers.
 */

export type Intencion = 'inventario' | 'venta' | 'contexto';

export type Fase = 'carrito' | 'confirmando' | 'recolectando_datos' | 'completado' | 'cancelado';

export const CAMPOS = ['nombre_completo', 'cedula', 'telefono', 'correo', 'direccion', 'barrio', 'indicaciones_adicionales'] as const;
export type Campo = (typeof CAMPOS)[number];
export type DatosCliente = Partial<Record<Campo, string>>;

export type Tema = 'horario' | 'direccion' | 'pago' | 'entrega' | 'devoluciones' | 'garantia' | 'datos' | 'humano' | 'contacto' | 'desconocido';

/** one product the customer named, with what they want of it */
export interface Mencion {
  /** the words naming the product, as the customer wrote them ("cascos amarillos") */
  texto: string;
  /** null when no quantity was said */
  cantidad: number | null;
}

/** What a customer's message means: produced by the local rules or by a language model. */
export interface Interpretacion {
  intencion: Intencion;
  /** products to add (venta) or to ask about (inventario) */
  productos: Mencion[];
  /** cart and flow commands */
  accion:
    | 'agregar'
    | 'consultar'
    | 'quitar'
    | 'cambiar_cantidad'
    | 'ver_pedido'
    | 'confirmar'
    | 'negar'
    | 'cancelar'
    | 'estado_pedido'
    | 'saludo'
    | 'gracias'
    | 'pregunta'
    | 'datos'
    | 'ninguna';
  /** for quitar / cambiar_cantidad: the line meant ("los guantes"), if named */
  objetivo?: string;
  /** for cambiar_cantidad */
  cantidad?: number;
  /** customer data found in the message */
  datos: DatosCliente;
  /** context topic, for preguntas */
  tema?: Tema;
  /** true when the message asks something (so it is not taken as a name or an address) */
  esPregunta: boolean;
}
