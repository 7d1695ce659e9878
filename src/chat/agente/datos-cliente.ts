import { plegar } from '../../common/texto';
import { Campo, DatosCliente } from './tipos';

export type Validacion = { ok: true; valor: string } | { ok: false; motivo: string };

/** words a name does not have: "bueno, está bien" is an answer, not a name; "cuánto es el domicilio" a question */
const NO_NOMBRE = new Set(
  `si no ok bueno bien esta listo dale claro gracias hola buenas buenos dias tardes noches quiero necesito pedido perfecto vale que como donde cuando cual por para favor porfa ya mas nada todo eso eso esto aja pues entonces espera momento hay tiene tienen cuanto cuanta cuantos cuantas cuant`.split(
    /\s+/,
  ),
);

/** a rural or industrial address has no street number: "vereda La Merced", "km 3 vía Rionegro", "bodega 12 zona franca" ("bereda": b for v, by ear) */
const DIRECCION_RURAL = /\b([bv]ereda|finca|corregimiento|parcela|hacienda|kilometro|km|via|bodega|zona franca|parque industrial)\b/;

const NINGUNA = /^(ningun[ao]?|nada|no|no gracias|ningunas|sin indicaciones|n\/a|na)\.?$/;

const PARTICULAS = new Set(['de', 'del', 'la', 'las', 'los', 'y']);

function titulo(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .map((p) => (PARTICULAS.has(p) ? p : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** Validates and normalises one customer field; the reason is what the customer is told. */
export function validarCampo(campo: Campo, entrada: string): Validacion {
  const v = entrada.trim().replace(/\s+/g, ' ').replace(/[.]$/, '');
  switch (campo) {
    case 'nombre_completo': {
      const limpio = v.replace(/^(me llamo|mi nombre es|soy|nombre:?|contacto:?)\s+/i, '');
      if (!/^[\p{L}' .-]+$/u.test(limpio)) return { ok: false, motivo: 'el nombre solo debe tener letras' };
      if (
        plegar(limpio)
          .split(' ')
          .some((p) => NO_NOMBRE.has(p))
      )
        return { ok: false, motivo: 'escríbeme tu nombre y apellido' };
      if (limpio.split(' ').filter((p) => p.length >= 2).length < 2) return { ok: false, motivo: 'necesito tu nombre y al menos un apellido' };
      if (limpio.length > 100) return { ok: false, motivo: 'el nombre es demasiado largo' };
      return { ok: true, valor: titulo(limpio) };
    }
    case 'cedula': {
      const digitos = v.replace(/^(c\.?c\.?|cedula|cédula)[:\s]*/i, '').replace(/[\s.,-]/g, '');
      if (!/^\d{5,12}$/.test(digitos)) return { ok: false, motivo: 'la cédula debe tener entre 5 y 12 dígitos, sin letras' };
      return { ok: true, valor: digitos };
    }
    case 'telefono': {
      let t = v.replace(/[\s().-]/g, '');
      t = t.replace(/^(\+57|0057|57)(?=3\d{9}$)/, '');
      if (!/^3\d{9}$/.test(t)) return { ok: false, motivo: 'el celular debe tener 10 dígitos y empezar por 3 (puede llevar +57)' };
      return { ok: true, valor: t };
    }
    case 'correo': {
      const c = v.toLowerCase();
      if (!/^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(c)) return { ok: false, motivo: 'el correo debe tener la forma nombre@dominio.com' };
      return { ok: true, valor: c };
    }
    case 'direccion': {
      if (v.length < 5 || !(/\d/.test(v) || DIRECCION_RURAL.test(plegar(v))))
        return { ok: false, motivo: 'la dirección debe incluir la calle o carrera y el número, por ejemplo "Calle 10 # 43-20"' };
      if (v.length > 200) return { ok: false, motivo: 'la dirección es demasiado larga' };
      return { ok: true, valor: v };
    }
    case 'barrio': {
      const b = v.replace(/^barrio\s+/i, '');
      // "no sé" names no barrio
      if (b.length < 2 || b.length > 80 || /[?¿]/.test(b) || /^(no se|no sabe|ni idea|no tengo|no hay|ninguno|no)$/.test(plegar(b)))
        return { ok: false, motivo: 'escríbeme solo el nombre del barrio' };
      return { ok: true, valor: titulo(b) };
    }
    case 'indicaciones_adicionales':
      if (NINGUNA.test(plegar(v))) return { ok: true, valor: '' };
      return v.length > 500 ? { ok: false, motivo: 'las indicaciones son demasiado largas' } : { ok: true, valor: v };
  }
}

const PATRONES: Array<{ campo: Campo; re: RegExp }> = [
  { campo: 'correo', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/ },
  { campo: 'telefono', re: /(?:\+?57[\s-]?)?\b3\d{2}[\s-]?\d{3}[\s-]?\d{4}\b/ },
  { campo: 'cedula', re: /\b(?:c\.?c\.?|c[eé]dula|documento|identificaci[oó]n)(?:\s+(?:es|n[uú]mero|no\.?))?[:\s#]*(\d[\d.\s]{3,14}\d)\b/i },
  // "Dirección: Km 4 vía Girón, bodega 12": the field named, up to the end of the sentence
  { campo: 'direccion', re: /\bdirecci[oó]n\s*(?::|es:?)\s*([^.;?\n]+)/i },
  {
    campo: 'direccion',
    re: /\b(?:calle|cl|cll|carrera|cra|kra|kr|cr|avenida|av|diagonal|dg|transversal|tv|circular|cq|autopista|manzana|mz|km)\.?\s*\d+[\w\s#°-]*?(?:#|no\.?|n°)?\s*\d+[\w-]*(?:\s*-\s*\d+\w*)?/i,
  },
  // "av Boyacá # 68-50", "autopista Sur # 10-20": a named avenue before the number sign
  { campo: 'direccion', re: /\b(?:avenida|av|autopista|troncal|variante)\.?\s+\p{L}+(?:\s\p{L}+)?\s*(?:#|no\.?|n°)\s*\d+\w*(?:\s*-\s*\d+\w*)?/iu },
  // the rural form, up to the first pause, first or after one ("Gigante, vereda Rioloro")
  { campo: 'direccion', re: /(?:^|,)\s*((?:[bv]ereda|corregimiento|km \d|kil[oó]metro \d|v[ií]a \d)[^,;.?\n]*)/i },
  { campo: 'indicaciones_adicionales', re: /\bindicaci[oó]n(?:es)?(?: adicionales)?\s*:?\s*([^\n]+)$/i },
  { campo: 'barrio', re: /\bbarrio\s+([\p{L}\s]+?)(?=[,.;]|$| y | cel| tel| correo)/iu },
  {
    campo: 'nombre_completo',
    re: /\b(?:me llamo|mi nombre es|a nombre de(?! (?:la|el|los|las|mi|su|un|una|quien)\b))\s+([\p{L}' ]+?)(?=[,.;]|$| y | mi | cc| c[eé]dula)/iu,
  },
];

/**
 * Customer data in free text: labelled or unmistakable values anywhere in the message
 * ("mi correo es…", a mobile number, "barrio Laureles"), plus the field the agent asked for,
 * taken from what is left once the others are removed. Only valid values are returned.
 */
export function extraerDatos(mensaje: string, pendiente?: Campo): { datos: DatosCliente; invalido?: { campo: Campo; motivo: string }; resto: string } {
  const datos: DatosCliente = {};
  let resto = mensaje;
  // the same text with a mark where each value was taken out: "Paola Restrepo 1.130.667.450 cel 300…" has its name before one
  let marcado = mensaje;
  const quitar = (trozo: string) => {
    resto = resto.replace(trozo, ' ');
    marcado = marcado.replace(trozo, ' ; ');
  };
  for (const { campo, re } of PATRONES) {
    const m = re.exec(resto);
    if (!m || datos[campo] !== undefined) continue;
    const r = validarCampo(campo, m[1] ?? m[0]);
    if (!r.ok) continue;
    datos[campo] = r.valor;
    quitar(m[0]);
  }
  // "cll 30 # 65-12 belén": a few words of letters left beside the street address are its barrio
  if (datos.direccion && !datos.barrio && (pendiente === 'direccion' || pendiente === 'barrio')) {
    const suelto = resto.replace(/[\s,;.]+/g, ' ').trim();
    const b = validarCampo('barrio', suelto);
    // ("…, entregar en portería": how it is delivered, not where)
    const entrega = /\b(entreg\w*|dej\w*|llam\w*|timbr\w*|pregunt\w*|porteria|recib\w*)\b/.test(plegar(suelto));
    if (/^[\p{L} ]{3,40}$/u.test(suelto) && suelto.split(' ').length <= 4 && !NO_NOMBRE.has(plegar(suelto).split(' ')[0]) && !entrega && b.ok) {
      datos.barrio = b.valor;
      resto = '';
    }
  }
  // A bare 5–12 digit number is a cédula when the cédula is what is missing.
  if (!datos.cedula && (pendiente === 'cedula' || pendiente === 'nombre_completo')) {
    const m = /(?<![\d+])\d{1,3}(?:\.\d{3}){1,3}(?!\d)|(?<![\d+])\d{5,12}(?!\d)/.exec(resto);
    if (m) {
      datos.cedula = m[0].replace(/\./g, '');
      quitar(m[0]);
    }
  }
  // "Sandra Milena Ruiz, 1020304050, 3104445566, cra 12 # 4-56", "Jhon Fredy Ospina cc 71.234.567 cel 300…, mándelo a…":
  // a list of data names who gives it, asked or not yet (before the form, two values make it a list): the first part
  // between commas or values that reads as a name (a label or a city is one word, a landmark has digits; "de una" is none)
  const valores = (['cedula', 'telefono', 'correo', 'direccion'] as const).filter((c) => datos[c] !== undefined).length;
  if (!datos.nombre_completo && (pendiente === 'nombre_completo' ? Object.keys(datos).length > 0 : !pendiente && valores >= 2)) {
    const parte = marcado
      .split(/\s*(?:[,;/:]|\.\s)\s*/)
      .map((p) => p.trim())
      .find(
        (p) =>
          plegar(p)
            .split(' ')
            .filter((w) => !PARTICULAS.has(w)).length >= 2 && validarCampo('nombre_completo', p).ok,
      );
    if (parte) {
      datos.nombre_completo = (validarCampo('nombre_completo', parte) as { valor: string }).valor;
      if (pendiente) return { datos, resto: '' };
      resto = resto.replace(parte, ' ');
    }
  }
  // what is left keeps its commas for whoever reads the rest of the message
  const conComas = resto.replace(/\s+/g, ' ').trim();
  resto = resto
    .replace(/\s*[,;]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!pendiente || datos[pendiente] !== undefined || resto === '') return { datos, resto: conComas };
  // "María Edilma Ortiz, barrio Las Mercedes casa 14": the field asked in one part, the address in the other
  const partes = conComas.split(/\s*[,;]\s*/).filter(Boolean);
  for (const [i, parte] of partes.length === 2 && pendiente !== 'direccion' && !datos.direccion ? partes.entries() : []) {
    const propio = validarCampo(pendiente, parte);
    const direccion = validarCampo('direccion', partes[1 - i]);
    if (propio.ok && direccion.ok) return { datos: { ...datos, [pendiente]: propio.valor, direccion: direccion.valor }, resto: '' };
  }
  const r = validarCampo(pendiente, resto);
  if (r.ok) datos[pendiente] = r.valor;
  return r.ok ? { datos, resto: '' } : { datos, invalido: { campo: pendiente, motivo: r.motivo }, resto: conComas };
}
