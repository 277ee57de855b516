// What every pass of a model build shares: the document, and the diagnostics found so far.
import { placeDiagnostic, syntaxDiagnostics, type SyntaxDoc } from '../../lang/parse.js';
import type { Diagnostic, Severity } from '../../lang/syntax.js';
import type { Span } from '../model.js';

export interface ReportOptions {
  readonly fix?: string;
  readonly code?: string;
}

export class BuildContext {
  readonly diagnostics: Diagnostic[];

  constructor(readonly doc: SyntaxDoc) {
    this.diagnostics = syntaxDiagnostics(doc);
  }

  /** A span on line `i` (0-based), `start` and `end` within the line. */
  span(i: number, start: number, end: number): Span {
    const base = this.doc.starts[i]!;
    return { line: i + 1, column: start + 1, offset: base + start, end: base + end };
  }

  /** Reports a problem on line `i` (0-based) at `[start, end)` of the line. */
  report(
    i: number,
    severity: Severity,
    start: number,
    end: number,
    message: string,
    options: ReportOptions = {},
  ): void {
    this.diagnostics.push(placeDiagnostic(this.doc, i, { severity, start, end, message, ...options }));
  }

  /** Reports a problem at a span of the model. */
  reportAt(span: Span, severity: Severity, message: string, options: ReportOptions = {}): void {
    this.report(span.line - 1, severity, span.column - 1, span.column - 1 + (span.end - span.offset), message, options);
  }

  /** The diagnostics in text order. */
  sorted(): Diagnostic[] {
    return this.diagnostics.sort((a, b) => a.offset - b.offset || a.column - b.column);
  }
}
