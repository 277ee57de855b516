// `mapwright lsp --stdio`: a language server for map files, on vscode-languageserver. Everything it
// says comes from the core: the same diagnostics as `lint`, the lossless rename edit, the
// formatter, the model's stages, kinds and roles, and the analysis.
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type Location,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis/index.js';
import type { Finding } from '../analysis/finding.js';
import { renameComponent, setKind, writeName, type TextChange } from '../lang/edit.js';
import { MODIFIER_WORDS, STATEMENT_KEYWORDS } from '../lang/words.js';
import { buildModel } from '../model/build/index.js';
import { parseDoc, Parser, type SyntaxDoc } from '../lang/parse.js';
import { formatMap } from '../model/format.js';
import type { Component, MapModel } from '../model/model.js';
import { STAGE_LABELS } from '../model/stages.js';

/** What the server knows of one open map, made once per version (the rest when first asked). */
interface Reading {
  readonly version: number;
  readonly syntax: SyntaxDoc;
  readonly model: MapModel;
  /** Where each component's name is written (declaration first), by name: see `occurrences`. */
  names: ReadonlyMap<string, readonly { from: number; to: number }[]> | null;
  findings: readonly Finding[] | null;
}

/** Where a name is written: the ranges a rename would replace (declaration, links, evolves, pipelines). */
function occurrencesOf(syntax: SyntaxDoc, c: Component): { from: number; to: number }[] {
  const decl = { from: c.nameLoc.offset, to: c.nameLoc.end };
  const changes: readonly TextChange[] = renameComponent(syntax, c.name, `${c.name} renamed`) ?? [];
  const others = changes
    .map((ch) => ({ from: ch.from, to: ch.to }))
    .filter((o) => o.from !== decl.from)
    .sort((a, b) => a.from - b.from);
  return [decl, ...others];
}

function read(doc: TextDocument, parser: Parser): Reading {
  const syntax = parseDoc(doc.getText(), doc.uri, parser);
  return { version: doc.version, syntax, model: buildModel(syntax), names: null, findings: null };
}

/** Every component's name and where it is written (made once per version, when first needed). */
function occurrences(r: Reading): ReadonlyMap<string, readonly { from: number; to: number }[]> {
  if (r.names) return r.names;
  const names = new Map<string, { from: number; to: number }[]>();
  for (const c of r.model.components)
    if (c.type !== 'evolved' && !names.has(c.name)) names.set(c.name, occurrencesOf(r.syntax, c));
  r.names = names;
  return names;
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  const readings = new Map<string, Reading>();
  // One line cache for every open map: a line typed again is read once.
  const parser = new Parser();
  const reading = (doc: TextDocument): Reading => {
    const r = readings.get(doc.uri);
    if (r && r.version === doc.version) return r;
    const fresh = read(doc, parser);
    readings.set(doc.uri, fresh);
    return fresh;
  };
  const range = (doc: TextDocument, from: number, to: number): Range => ({
    start: doc.positionAt(from),
    end: doc.positionAt(Math.max(from, to)),
  });
  /** The component whose name is written at `offset`. */
  const nameAt = (doc: TextDocument, offset: number): { name: string; at: { from: number; to: number } } | null => {
    for (const [name, spans] of occurrences(reading(doc))) {
      const at = spans.find((s) => offset >= s.from && offset <= s.to);
      if (at) return { name, at };
    }
    return null;
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [' ', '>'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'mapwright' },
  }));

  const publish = (doc: TextDocument) => {
    const { model } = reading(doc);
    const diagnostics: Diagnostic[] = model.diagnostics.map((d) => ({
      range: range(doc, d.offset, d.end),
      severity: SEVERITY[d.severity],
      message: d.message,
      source: 'mapwright',
      ...(d.code !== undefined ? { code: d.code } : {}),
      ...(d.fix !== undefined ? { data: { fix: d.fix } } : {}),
    }));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };
  documents.onDidOpen((e) => publish(e.document));
  documents.onDidChangeContent((e) => publish(e.document));
  documents.onDidClose((e) => {
    readings.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const before = doc.getText({ start: { line: position.line, character: 0 }, end: position });
    const atStart = !/\S\s/.test(before.trimStart());
    const names = [
      ...new Set(
        reading(doc)
          .model.components.filter((c) => c.type !== 'evolved')
          .map((c) => c.name),
      ),
    ];
    return [
      ...(atStart ? STATEMENT_KEYWORDS : MODIFIER_WORDS).map((k) => ({ label: k, kind: CompletionItemKind.Keyword })),
      ...names.map((n) => ({
        label: n,
        kind: CompletionItemKind.Variable,
        insertText: writeName(n, atStart ? 'link-from' : 'link-to'),
      })),
    ];
  });

  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const hit = nameAt(doc, doc.offsetAt(position));
    if (!hit) return null;
    const r = reading(doc);
    const c = r.model.components.find((x) => x.name === hit.name && x.type !== 'evolved');
    if (!c) return null;
    r.findings ??= analyze(r.model).findings;
    const mine = r.findings.filter((f) => f.components.includes(c.name));
    const lines = [
      `**${c.name}** (${c.type === 'pipeline-child' ? 'pipeline component' : c.type})`,
      c.positioned
        ? `${STAGE_LABELS[c.stage]}: evolution ${c.maturity}, visibility ${c.visibility}`
        : 'not placed on the map',
      `kind: ${c.kind}${c.kindInferred ? ` (inferred: ${c.kindReason})` : ''}`,
      `role: ${c.role}${c.roleInferred ? ` (inferred: ${c.roleReason})` : ''}`,
      ...(mine.length ? ['', ...mine.slice(0, 8).map((f) => `- ${f.severity}: ${f.title}`)] : []),
    ];
    return {
      contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') },
      range: range(doc, hit.at.from, hit.at.to),
    };
  });

  connection.onDefinition(({ textDocument, position }): Location | null => {
    const doc = documents.get(textDocument.uri);
    const hit = doc ? nameAt(doc, doc.offsetAt(position)) : null;
    if (!doc || !hit) return null;
    const decl = occurrences(reading(doc)).get(hit.name)![0]!;
    return { uri: doc.uri, range: range(doc, decl.from, decl.to) };
  });

  connection.onReferences(({ textDocument, position, context }): Location[] => {
    const doc = documents.get(textDocument.uri);
    const hit = doc ? nameAt(doc, doc.offsetAt(position)) : null;
    if (!doc || !hit) return [];
    const spans = occurrences(reading(doc)).get(hit.name)!;
    return (context.includeDeclaration ? spans : spans.slice(1)).map((s) => ({
      uri: doc.uri,
      range: range(doc, s.from, s.to),
    }));
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    const hit = doc ? nameAt(doc, doc.offsetAt(position)) : null;
    return doc && hit ? { range: range(doc, hit.at.from, hit.at.to), placeholder: hit.name } : null;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const doc = documents.get(textDocument.uri);
    const hit = doc ? nameAt(doc, doc.offsetAt(position)) : null;
    if (!doc || !hit) return null;
    const changes = renameComponent(doc.getText(), hit.name, newName);
    if (!changes) return null;
    return {
      changes: {
        [doc.uri]: changes.map((ch): TextEdit => ({ range: range(doc, ch.from, ch.to), newText: ch.insert })),
      },
    };
  });

  connection.onDocumentFormatting(({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const text = doc.getText();
    const formatted = formatMap(text);
    return formatted === text ? [] : [{ range: range(doc, 0, text.length), newText: formatted }];
  });

  connection.onCodeAction(({ textDocument, range: asked, context }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const actions: CodeAction[] = [];
    // The fixes the diagnostics carry (a keyword's case, a link's likely name, ...).
    for (const d of context.diagnostics) {
      const fix = (d.data as { fix?: unknown } | undefined)?.fix;
      if (typeof fix !== 'string') continue;
      actions.push({
        title: fix === '' ? 'Remove this' : `Change to '${fix}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [{ range: d.range, newText: fix }] } },
      });
    }
    // Make an inferred kind explicit, on the components declared in the asked range.
    const text = doc.getText();
    const from = doc.offsetAt(asked.start);
    const to = doc.offsetAt(asked.end);
    for (const c of reading(doc).model.components) {
      if (
        !c.kindInferred ||
        c.type === 'evolved' ||
        c.nameLoc.end < doc.offsetAt({ line: asked.start.line, character: 0 }) ||
        c.nameLoc.offset > Math.max(to, from)
      )
        continue;
      const changes = setKind(text, c.name, c.kind);
      if (!changes?.length) continue;
      actions.push({
        title: `Make the kind of '${c.name}' explicit: (${c.kind})`,
        kind: CodeActionKind.QuickFix,
        edit: {
          changes: { [doc.uri]: changes.map((ch) => ({ range: range(doc, ch.from, ch.to), newText: ch.insert })) },
        },
      });
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
