/**
 * What a zip (an XLSX) would inflate to, read from its central directory without inflating
 * anything: the sum of the entries' declared uncompressed sizes; Infinity when it uses ZIP64
 * (sizes past 4 GB); undefined when there is no readable directory (a broken file). A lying
 * directory is caught later by the row cap while the sheet streams.
 */
export function tamanoDescomprimido(b: Buffer): number | undefined {
  const FIN = 0x06054b50;
  const ENTRADA = 0x02014b50;
  // the end record is in the last 22 + 65,535 (comment) bytes
  let fin = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === FIN) {
      fin = i;
      break;
    }
  }
  if (fin < 0) return undefined;
  const entradas = b.readUInt16LE(fin + 10);
  let p = b.readUInt32LE(fin + 16);
  let total = 0;
  for (let n = 0; n < entradas; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== ENTRADA) return undefined;
    const tamano = b.readUInt32LE(p + 24);
    if (tamano === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += tamano;
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return total;
}
