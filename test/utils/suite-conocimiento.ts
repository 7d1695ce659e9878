import { MODELO_LENGUAJE, ModeloLenguaje } from '../../src/chat/llm/llm.interfaces';
import { ConocimientoService } from '../../src/conocimiento/conocimiento.service';
import { EmpresaService } from '../../src/empresa/empresa.service';
import { modeloCompetente, Responder } from '../fakes/modelo-falso';
import { ServidorFalso } from '../fakes/servidor-falso';
import { AppDePrueba, crearApp } from './crear-app';

/**
 * Knowledge answers written by a remote model (Gemini or OpenAI-compatible, through the real SDK
 * against its fake server): grounded in the passages, checked by the guard, and replaced by the
 * extractive answer when the model invents or fails.
 */
export function suiteConocimientoModelo(
  proveedor: 'gemini' | 'openai',
  preparar: () => Promise<{ entorno: Record<string, string>; falso: ServidorFalso & { responder: Responder } }>,
) {
  describe(`conocimiento con ${proveedor} (${process.env.TEST_DB})`, () => {
    let t: AppDePrueba;
    let falso: ServidorFalso & { responder: Responder };
    beforeAll(async () => {
      const p = await preparar();
      falso = p.falso;
      t = await crearApp({ SEED_DEMO: 'true', ...p.entorno });
    });
    // the fake server is the spec file's: one per file, since the app reads its configuration once per file
    afterAll(() => t.cerrar());
    afterEach(() => {
      falso.fallar(0);
      falso.responder = modeloCompetente;
    });

    const responder = async (pregunta: string) => {
      const negocio = await t.app.get(EmpresaService).obtener();
      const modelo = t.app.get<ModeloLenguaje>(MODELO_LENGUAJE, { strict: false });
      return t.app.get(ConocimientoService).responder(pregunta, { negocio, modelo });
    };

    it('the model writes the answer from the retrieved passages only, and is told them', async () => {
      const r = await responder('¿hacen recarga de extintores?');
      expect(r.redactor).toMatch(new RegExp(`^${proveedor}:`));
      expect(r.respuesta).toBe(
        '¡Claro que sí! Sí, recargamos extintores de todas las marcas y tipos: multipropósito ABC (polvo químico seco), CO2, solkaflam, agua a presión y tipo K.',
      );
      expect(r.fuentes[0].tema).toBe('servicio_recarga');
      const pedido = JSON.stringify(falso.peticiones[falso.peticiones.length - 1].cuerpo);
      expect(pedido).toContain('PASAJES:');
      expect(pedido).toContain('La recarga de un extintor ABC de 10 libras cuesta $35.000');
    });

    it('a recommended kit keeps its cards with catalog prices under the model text', async () => {
      const r = await responder('¿qué me recomiendan para un taller?');
      expect(r.redactor).toMatch(new RegExp(`^${proveedor}:`));
      expect(r.respuesta).toMatch(/^¡Claro que sí! Para un taller/);
      expect(r.respuesta).toContain('• Botiquín de primeros auxilios tipo A: $95.000');
    });

    it.each([
      ['an amount', 'La recarga te sale en $20.000.'],
      ['a phone', 'Llámanos al 300 555 1212 y te recargamos.'],
      ['a date', 'Recargamos desde el 15 de enero.'],
      ['a URL', 'Agenda en https://recargas.example.com'],
      ['a product', 'Sí, y de paso te sirve el Casco de seguridad rojo.'],
    ])('the guard rejects %s the passages do not hold, and the extractive answer goes out', async (_, inventado) => {
      falso.responder = (p) => (p.esInterpretacion ? modeloCompetente(p) : inventado);
      const r = await responder('¿hacen recarga de extintores?');
      expect(r.redactor).toBe('extractivo (guardia)');
      expect(r.respuesta).toMatch(/^Sí, recargamos extintores/);
    });

    it('a failing model never reaches the customer: the extractive answer does', async () => {
      falso.fallar(10);
      const r = await responder('dan factura electronica?');
      expect(r.redactor).toBe('extractivo (respaldo)');
      expect(r.respuesta).toMatch(/^Sí, todas nuestras ventas llevan factura electrónica/);
    });

    it('below the threshold nothing is asked of the model: an honest "no sé"', async () => {
      const antes = falso.peticiones.length;
      const r = await responder('tienen parqueadero?');
      expect(r).toMatchObject({ sabe: false, necesita_humano: true });
      expect(falso.peticiones.length).toBe(antes);
    });
  });
}
