// What every pass of a model build shares: the document, and the diagnostics found so far.
import { placeDiagnostic, syntaxDiagnostics, type SyntaxDoc } from '../../lang/parse.js';
import type { Diagnostic, Severity } from '../../lang/syntax.js';
import type { Span } from '../model.js';

export interface ReportOptions {
  readonly fix?: string;
  readonly code?: string;
}

/** Where on a line a problem is: columns, 0-based, end exclusive. */
export interface Columns {
  readonly start: number;
  readonly end: number;
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

  /** Warns of a problem on line `i` (0-based) at `at`, columns within the line. */
  warn(i: number, at: Columns, message: string, options?: ReportOptions): void {
    this.report(i, 'warning', at, message, options);
  }

  /** Reports an error on line `i` (0-based) at `at`, columns within the line. */
  error(i: number, at: Columns, message: string, options?: ReportOptions): void {
    this.report(i, 'error', at, message, options);
  }

  /** Warns of a problem at a span of the model. */
  warnAt(span: Span, message: string, options?: ReportOptions): void {
    const start = span.column - 1;
    this.warn(span.line - 1, { start, end: start + (span.end - span.offset) }, message, options);
  }

  private report(i: number, severity: Severity, at: Columns, message: string, options: ReportOptions = {}): void {
    const d = { severity, start: at.start, end: at.end, message, ...options };
    this.diagnostics.push(placeDiagnostic(this.doc, i, d));
  }

  /** The diagnostics in text order. */
  sorted(): Diagnostic[] {
    return this.diagnostics.sort((a, b) => a.offset - b.offset || a.column - b.column);
  }
}
