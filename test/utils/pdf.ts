import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real PDF (text drawn with a standard font) of lines; an empty string leaves a blank line. */
export async function pdfDeLineas(lineas: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fuente = await doc.embedFont(StandardFonts.Helvetica);
  let pagina = doc.addPage();
  let y = 760;
  for (const linea of lineas) {
    if (y < 60) {
      pagina = doc.addPage();
      y = 760;
    }
    if (linea) pagina.drawText(linea, { x: 50, y, font: fuente, size: 11 });
    y -= 16;
  }
  return Buffer.from(await doc.save());
}
