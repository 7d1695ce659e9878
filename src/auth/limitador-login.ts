import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Counts failed logins per key (e-mail + address) in a sliding window; past the limit the key
 * gets 429 until the oldest failure leaves the window. In memory: one process guards itself,
 * and a restart forgetting failures is acceptable for a small shop.
 */
export class LimitadorLogin {
  private readonly fallos = new Map<string, number[]>();

  constructor(
    private readonly maximo: number,
    private readonly ventanaMs: number,
    private readonly ahora = () => Date.now(),
  ) {}

  verificar(clave: string): void {
    const recientes = this.recientes(clave);
    if (recientes.length >= this.maximo) {
      const espera = Math.ceil((recientes[0] + this.ventanaMs - this.ahora()) / 1000);
      throw new HttpException(
        { message: `Demasiados intentos fallidos; intenta de nuevo en ${espera} s`, details: { reintentar_en_s: espera } },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  fallo(clave: string): void {
    this.fallos.set(clave, [...this.recientes(clave), this.ahora()]);
  }

  exito(clave: string): void {
    this.fallos.delete(clave);
  }

  private recientes(clave: string): number[] {
    const limite = this.ahora() - this.ventanaMs;
    return (this.fallos.get(clave) ?? []).filter((t) => t > limite);
  }
}
