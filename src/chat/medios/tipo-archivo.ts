/**
 * What a file really is, from its first bytes: a client's name or MIME type is not trusted.
 */
export type TipoAudio = 'ogg' | 'mp3' | 'm4a' | 'wav' | 'webm';
export type TipoImagen = 'jpeg' | 'png' | 'webp';

const ascii = (b: Buffer, desde: number, largo: number) => b.subarray(desde, desde + largo).toString('latin1');

export function tipoAudio(b: Buffer): TipoAudio | null {
  if (ascii(b, 0, 4) === 'OggS') return 'ogg';
  if (ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0)) return 'mp3';
  if (ascii(b, 4, 4) === 'ftyp') return 'm4a';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE') return 'wav';
  if (b.length >= 4 && b.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  return null;
}

export function tipoImagen(b: Buffer): TipoImagen | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  return null;
}

export const MIME_IMAGEN: Record<TipoImagen, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
