/** Tiny files whose first bytes say what they are: what the content check looks at. */
export const ARCHIVOS = {
  ogg: Buffer.concat([Buffer.from('OggS'), Buffer.alloc(200, 1)]),
  mp3: Buffer.concat([Buffer.from('ID3'), Buffer.alloc(200, 2)]),
  wav: Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE'), Buffer.alloc(200)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 3)]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 4)]),
  texto: Buffer.from('esto no es un audio ni una imagen, aunque se llame foto.jpg'),
};
