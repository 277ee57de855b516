// The VS Code side: starts `mapwright lsp --stdio` for Wardley map files.
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const [command = 'npx', ...args] = workspace.getConfiguration('mapwright').get<string[]>('command') ?? [
    'npx',
    '--no-install',
    'mapwright',
  ];
  const run = {
    command,
    args: [...args, 'lsp', '--stdio'],
    transport: TransportKind.stdio,
    options: { shell: process.platform === 'win32' },
  };
  const server: ServerOptions = { run, debug: run };
  client = new LanguageClient('mapwright', 'Mapwright', server, { documentSelector: [{ language: 'wardley' }] });
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
