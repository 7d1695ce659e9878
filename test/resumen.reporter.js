/**
 * Ends every run with one plain line, "N passed, N failed, N skipped", that any CI can read
 * whatever the runner's own summary looks like.
 */
class ResumenReporter {
  onRunComplete(_contexts, r) {
    const omitidas = r.numPendingTests + r.numTodoTests;
    process.stderr.write(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${omitidas ? `, ${omitidas} skipped` : ''}\n`);
  }
}
module.exports = ResumenReporter;
