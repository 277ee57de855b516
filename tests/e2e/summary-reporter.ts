// One closing line in the form the CI reader expects: "e2e: N passed, N failed".
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private flaky = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    // A test counts once, by its final outcome (a retry that passes is "flaky", and passed).
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') {
      this.passed += 1;
      if (result.retry > 0) this.flaky += 1;
    } else if (result.status !== 'skipped') this.failed += 1;
  }

  onEnd(result: FullResult): void {
    const flaky = this.flaky ? ` (${this.flaky} passed on a retry)` : '';
    console.log(`e2e: ${this.passed} passed, ${this.failed} failed${flaky} [${result.status}]`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
