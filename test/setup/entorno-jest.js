/**
 * jest's node environment runs tests in a separate realm; Node's fetch keeps its Undici
 * dispatcher on the outer global, where @google/genai (which passes its own dispatcher that
 * delegates to the global one) cannot see it. Sharing that one property makes the real SDK work
 * under jest as it does in production.
 */
const { TestEnvironment } = require('jest-environment-node');

const DESPACHADOR = Symbol.for('undici.globalDispatcher.1');

class EntornoJest extends TestEnvironment {
  async setup() {
    await super.setup();
    if (!globalThis[DESPACHADOR]) new Headers(); // Node creates its dispatcher lazily
    this.global[DESPACHADOR] = globalThis[DESPACHADOR];
  }
}

module.exports = EntornoJest;
