import { createRequire } from 'node:module';

// ESLint and the server load only when the server runs: `--help` and `--version` answer at once.
const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const USAGE = `Usage: cors-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

A language server that reports CORS misconfigurations in JavaScript and TypeScript
(eslint-plugin-cors's rules, run in-process; no workspace code or config is loaded).

Transports (exactly one):
  --stdio            talk over stdin/stdout (what most editors use)
  --node-ipc         talk over Node's IPC channel (the process must be forked)
  --socket=PORT      connect to a socket the client listens on
  --pipe=NAME        connect to a named pipe the client listens on

Other options:
  --clientProcessId=PID   exit when that process is gone (sent by vscode-languageclient)
  --version               print the version and exit
  --help                  print this help and exit
`;

type Parsed = { kind: 'help' } | { kind: 'version' } | { kind: 'run' } | { kind: 'error'; message: string };

/**
 * Checks the command line. `createConnection` reads the transport from `process.argv` itself
 * (vscode-languageserver's node/main.js: `--node-ipc`, `--stdio`, `--socket=N` or `--socket N`,
 * `--pipe=NAME` or `--pipe NAME`, `--clientProcessId=N`); here we only reject what it would
 * silently ignore.
 */
function parse(argv: readonly string[]): Parsed {
  const transports: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? '';
    if (argument === '--help' || argument === '-h') return { kind: 'help' };
    if (argument === '--version' || argument === '-v') return { kind: 'version' };
    if (argument === '--stdio' || argument === '--node-ipc') {
      transports.push(argument);
      continue;
    }
    const [flag, inline] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    if (flag === '--socket' || flag === '--pipe' || flag === '--clientProcessId') {
      let value = inline;
      if (value === undefined) {
        value = argv[i + 1];
        i++;
      }
      if (value === undefined || value === '') return { kind: 'error', message: `${flag} needs a value` };
      if ((flag === '--socket' || flag === '--clientProcessId') && !/^\d+$/.test(value)) {
        return { kind: 'error', message: `${flag} needs a number, got '${value}'` };
      }
      if (flag !== '--clientProcessId') transports.push(flag);
      continue;
    }
    return { kind: 'error', message: `unknown option '${argument}'` };
  }
  if (transports.length === 0) return { kind: 'error', message: 'no transport given: pass --stdio, --node-ipc, --socket=PORT or --pipe=NAME' };
  if (transports.length > 1) return { kind: 'error', message: `choose one transport, got ${transports.join(', ')}` };
  return { kind: 'run' };
}

const parsed = parse(process.argv.slice(2));
switch (parsed.kind) {
  case 'help':
    process.stdout.write(USAGE);
    break;
  case 'version':
    process.stdout.write(`${name} ${version}\n`);
    break;
  case 'error':
    process.stderr.write(`cors-language-server: ${parsed.message}\n\n${USAGE}`);
    process.exitCode = 2;
    break;
  case 'run': {
    (await import('./compile-cache.js')).enableCompileCache();
    const [{ createConnection, ProposedFeatures }, { startServer }] = await Promise.all([import('vscode-languageserver/node'), import('./server.js')]);
    const connection = createConnection(ProposedFeatures.all);
    // A bug in one request must not take the editor's server down: report it and carry on.
    process.on('uncaughtException', (error) => connection.console.error(`cors: uncaught ${error.stack ?? String(error)}`));
    process.on('unhandledRejection', (reason) => connection.console.error(`cors: unhandled rejection ${String(reason)}`));
    startServer(connection);
    break;
  }
}
