/**
 * Ends every run with one plain line, "N passed, N failed, N skipped", that any CI can read
 * whatever the runner's own summary looks like. Written at exit so it comes after jest's summary.
 */
class ResumenReporter {
  onRunComplete(_contexts, r) {
    const omitidas = r.numPendingTests + r.numTodoTests;
    const linea = `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${omitidas ? `, ${omitidas} skipped` : ''}\n`;
    process.once('exit', () => process.stderr.write(linea));
  }
}
module.exports = ResumenReporter;
