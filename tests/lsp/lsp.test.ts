// The language server, driven as an editor drives it: `mapwright lsp --stdio` in a child process,
// a real LSP client (vscode-languageserver-protocol over vscode-jsonrpc) on its standard streams.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RenameRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMap } from '../../src/model/build/index.js';

const root = join(import.meta.dirname, '../..');
const uri = 'file:///maps/tea.owm';
const MAP = [
  'title Tea shop', // 0
  'anchor Business [0.95, 0.63]', // 1
  'component Cup of Tea [0.79, 0.61]', // 2
  'component Kettle [0.43, 0.35]', // 3
  'component Power [0.10, 0.70]', // 4
  'Business->Cup of Tea', // 5
  'Cup of Tea->Kettle', // 6
  'Kettle->Power', // 7
  'evolve Kettle 0.62', // 8
  '',
].join('\n');

let server: ChildProcess;
let client: ProtocolConnection;
const published: PublishDiagnosticsParams[] = [];

/** The next diagnostics published for `version`. */
function diagnosticsFor(version: number): Promise<Diagnostic[]> {
  return new Promise((resolve) => {
    const poll = () => {
      const p = published.find((d) => d.version === version);
      if (p) resolve(p.diagnostics);
      else setTimeout(poll, 10);
    };
    poll();
  });
}

beforeAll(async () => {
  server = spawn(process.execPath, [join(root, 'bin/mapwright.js'), 'lsp', '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  client = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
  });
  client.listen();
  const init = await client.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    workspaceFolders: null,
  });
  expect(init.capabilities).toMatchObject({
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentFormattingProvider: true,
  });
  await client.sendNotification(InitializedNotification.type, {});
  await client.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'wardley', version: 1, text: MAP },
  });
}, 30_000);

afterAll(async () => {
  await client.sendRequest(ShutdownRequest.type);
  await client.sendNotification(ExitNotification.type);
  await new Promise((resolve) => server.once('exit', resolve));
  client.dispose();
});

describe('mapwright lsp --stdio', () => {
  it('publishes no problem for a good map, and the same problem as lint at the right line for a broken one', async () => {
    expect(await diagnosticsFor(1)).toEqual([]);
    // The user breaks two lines, as typing does (incremental changes): Kettle's coordinates lose
    // their end (a warning: the map still opens, as in OnlineWardleyMaps), and a link loses its target (an error).
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 3, character: 17 }, end: { line: 3, character: 29 } }, text: '[0.43, ' },
        { range: { start: { line: 7, character: 8 }, end: { line: 7, character: 13 } }, text: '' },
      ],
    });
    const ds = await diagnosticsFor(2);
    const broken = MAP.replace('[0.43, 0.35]', '[0.43, ').replace('Kettle->Power', 'Kettle->');
    // The same problems, at the same places, as `mapwright lint` reports.
    const lint = parseMap(broken).diagnostics;
    expect(ds.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.message])).toEqual(
      lint.map((d) => [d.line, d.column, d.message]),
    );
    expect(ds.find((d) => d.severity === 1)!.range.start.line).toBe(7);
    expect(ds.find((d) => d.severity === 2)!.range.start.line).toBe(3);
    expect(ds[0]!.source).toBe('mapwright');
    // Mend it again.
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: MAP }],
    });
    expect(await diagnosticsFor(3)).toEqual([]);
  });

  it('completes keywords at the start of a line and component names after an arrow', async () => {
    const atStart = (await client.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 9, character: 0 },
    })) as CompletionItem[];
    expect(atStart.map((c) => c.label)).toEqual(expect.arrayContaining(['component', 'anchor', 'pipeline']));
    const labels = (
      (await client.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 7, character: 8 },
      })) as CompletionItem[]
    ).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['Cup of Tea', 'Kettle', 'Power', 'Business']));
  });

  it('says on hover the stage, kind and role (and whether they are inferred) and the findings', async () => {
    const hover = await client.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 6, character: 14 },
    });
    const text = (hover!.contents as { value: string }).value;
    expect(text).toContain('**Kettle**');
    expect(text).toMatch(/Custom|Genesis|Product|Commodity/);
    expect(text).toMatch(/kind: technology/);
    expect(text).toMatch(/role: \w+/);
  });

  it('goes to the definition and finds every reference of a name', async () => {
    const def = await client.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: { line: 7, character: 2 },
    });
    expect(def).toEqual({ uri, range: { start: { line: 3, character: 10 }, end: { line: 3, character: 16 } } });
    const refs = await client.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: { line: 3, character: 12 },
      context: { includeDeclaration: true },
    });
    expect(refs!.map((r) => r.range.start.line).sort()).toEqual([3, 6, 7, 8]);
  });

  it('renames a component everywhere with the lossless rename edit', async () => {
    const edit = await client.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: { line: 3, character: 12 },
      newName: 'Electric Kettle',
    });
    const edits = edit!.changes![uri]!;
    expect(edits.map((e) => e.range.start.line).sort()).toEqual([3, 6, 7, 8]);
    expect(applyEdits(MAP, edits)).toBe(MAP.replace(/Kettle/g, 'Electric Kettle'));
  });

  it('formats the document', async () => {
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ text: 'component   A [0.5,0.5]\ncomponent B [0.4, 0.4]\nA->B\n' }],
    });
    await diagnosticsFor(4);
    const edits = await client.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(applyEdits('component   A [0.5,0.5]\ncomponent B [0.4, 0.4]\nA->B\n', edits!)).toBe(
      'component A [0.50, 0.50]\ncomponent B [0.40, 0.40]\nA->B\n',
    );
  });

  it('offers the fixes diagnostics carry and makes an inferred kind explicit', async () => {
    const text = 'Component A [0.5, 0.5]\ncomponent Governance Policy [0.4, 0.3]\n';
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 5 },
      contentChanges: [{ text }],
    });
    const ds = await diagnosticsFor(5);
    const caseWarning = ds.find((d) => d.code === 'keyword-case')!;
    const fixes = await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: caseWarning.range,
      context: { diagnostics: [caseWarning] },
    });
    const fix = fixes!.find((a) => 'edit' in a && a.title.includes("'component'"))! as {
      edit: { changes: Record<string, TextEdit[]> };
    };
    expect(applyEdits(text, fix.edit.changes[uri]!)).toBe(text.replace('Component', 'component'));
    const kinds = await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } },
      context: { diagnostics: [] },
    });
    const explicit = kinds!.find((a) => a.title.startsWith('Make the kind')) as
      { edit: { changes: Record<string, TextEdit[]> } } | undefined;
    expect(explicit).toBeDefined();
    expect(applyEdits(text, explicit!.edit.changes[uri]!)).toMatch(
      /component Governance Policy \[0\.4, 0\.3\] \(practice\)/,
    );
  });
});

/** Applies LSP text edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
