// Loaded into the server by `npm run bench` only (with --expose-gc): asked over the IPC channel,
// it runs a full GC and answers the heap still in use. What survives a full collection is what
// the server really holds; the heap sampled without it also counts garbage V8 has not collected.
process.channel?.unref();
process.on('message', (m) => {
  if (m !== 'heap-vivo') return;
  global.gc();
  process.send(process.memoryUsage().heapUsed);
});
