// Prints one plain closing line, e.g. "sqlite: 89 passed, 0 failed", which CI systems
// that do not know jest's own summary can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const database = process.env.TEST_DATABASE_URL ? 'postgresql' : 'sqlite';
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${database}: ${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryReporter;
