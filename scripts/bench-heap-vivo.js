// Loaded into the server by `npm run bench` only (with --expose-gc), answering over the IPC channel:
// - 'heap-vivo': runs a full GC and answers the heap still in use. What survives a full collection
//   is what the server really holds; the heap sampled without it also counts garbage V8 has not collected.
// - 'retardo-inicio' / 'retardo-fin': the server's event-loop delay between the two (p50/p99/max, ms),
//   what every request waited on top of its own work, and the longest garbage-collection pause.
// - 'perfil-inicio' / 'perfil-fin': a CPU profile of the server between the two, written to the
//   path given with 'perfil-fin' (open it in Chrome DevTools or speedscope).
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

process.channel?.unref();
let retardo;
let sesion;
let pausaGc = 0;
const gc = new PerformanceObserver((lista) => {
  for (const e of lista.getEntries()) pausaGc = Math.max(pausaGc, e.duration);
});
process.on('message', (m) => {
  const orden = typeof m === 'string' ? m : m.orden;
  if (orden === 'heap-vivo') {
    global.gc();
    process.send(process.memoryUsage().heapUsed);
  } else if (orden === 'retardo-inicio') {
    retardo = monitorEventLoopDelay({ resolution: 10 });
    retardo.enable();
    pausaGc = 0;
    gc.observe({ entryTypes: ['gc'] });
    process.send('ok');
  } else if (orden === 'retardo-fin') {
    retardo.disable();
    gc.disconnect();
    const aMs = (ns) => Math.round(ns / 1e4) / 100;
    process.send({ p50: aMs(retardo.percentile(50)), p99: aMs(retardo.percentile(99)), max: aMs(retardo.max), gc: Math.round(pausaGc * 100) / 100 });
  } else if (orden === 'perfil-inicio') {
    sesion = new Session();
    sesion.connect();
    sesion.post('Profiler.enable', () =>
      sesion.post('Profiler.setSamplingInterval', { interval: 500 }, () => sesion.post('Profiler.start', () => process.send('ok'))),
    );
  } else if (orden === 'perfil-fin') {
    sesion.post('Profiler.stop', (err, { profile }) => {
      writeFileSync(m.archivo, JSON.stringify(profile));
      sesion.disconnect();
      process.send('ok');
    });
  }
});
