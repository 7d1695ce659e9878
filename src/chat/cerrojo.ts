/**
 * One turn at a time per chat: two messages of the same customer (a double tap, a retried
 * request) must not read the same cart and both act on it. Other chats are not held up.
 */
export class CerrojoPorClave {
  private readonly colas = new Map<string, Promise<unknown>>();

  ejecutar<T>(clave: string, tarea: () => Promise<T>): Promise<T> {
    const previa = this.colas.get(clave) ?? Promise.resolve();
    const actual = previa.then(tarea, tarea);
    const cola = actual.catch(() => undefined);
    this.colas.set(clave, cola);
    // The map must not grow with every chat ever seen: the last turn of a chat removes its entry.
    void cola.then(() => this.colas.get(clave) === cola && this.colas.delete(clave));
    return actual;
  }
}
