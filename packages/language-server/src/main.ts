import { createRequire } from 'node:module';
import { inspect } from 'node:util';

// ESLint and the server load only when the server runs: `--help` and `--version` answer at once.
const { name, version } = createRequire(import.meta.url)('../package.json') as {
  name: string;
  version: string;
};

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

type Parsed =
  { kind: 'help' } | { kind: 'version' } | { kind: 'run' } | { kind: 'error'; message: string };

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
    const [flag, inline] = argument.includes('=')
      ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
      : [argument, undefined];
    if (flag === '--socket' || flag === '--pipe' || flag === '--clientProcessId') {
      let value = inline;
      if (value === undefined) {
        value = argv[i + 1];
        i++;
      }
      if (value === undefined || value === '')
        return { kind: 'error', message: `${flag} needs a value` };
      if ((flag === '--socket' || flag === '--clientProcessId') && !/^\d+$/.test(value)) {
        return { kind: 'error', message: `${flag} needs a number, got '${value}'` };
      }
      if (flag !== '--clientProcessId') transports.push(flag);
      continue;
    }
    return { kind: 'error', message: `unknown option '${argument}'` };
  }
  if (transports.length === 0)
    return {
      kind: 'error',
      message: 'no transport given: pass --stdio, --node-ipc, --socket=PORT or --pipe=NAME',
    };
  if (transports.length > 1)
    return { kind: 'error', message: `choose one transport, got ${transports.join(', ')}` };
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
    const [
      { createConnection, ProposedFeatures },
      { startServer, exitForGoneClient },
      { FramingGuard },
      { whenProcessGone },
    ] = await Promise.all([
      import('vscode-languageserver/node'),
      import('./server.js'),
      import('./transport/framing-guard.js'),
      import('./transport/client-process.js'),
    ]);
    const stdio = process.argv.includes('--stdio');
    // The connection's log, once there is a connection.
    const late: { warn?: (message: string) => void } = {};
    // A message with a lying Content-Length is repaired or dropped, and said so, instead of wedging the reader.
    const reportFraming = (message: string): void => {
      process.stderr.write(`cors-language-server: ${message}\n`);
      late.warn?.(`cors: ${message}`);
    };
    const connection = stdio
      ? createConnection(
          ProposedFeatures.all,
          process.stdin.pipe(new FramingGuard(reportFraming)),
          process.stdout,
        )
      : createConnection(ProposedFeatures.all);
    const { console: remote } = connection;
    late.warn = (message) => remote.warn(message);
    // Given streams, vscode-languageserver leaves `console` alone: anything printed must not reach stdout, the channel.
    if (stdio) routeConsole(remote);
    // The client closed its end: nothing can be said any more, and writing again only fails again.
    const gone = (error: NodeJS.ErrnoException): boolean =>
      error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (!gone(error)) return;
      process.stderr.write('cors-language-server: the client closed the connection; exiting.\n');
      process.exit(1);
    });
    const clientProcessId = clientProcessIdArgument(process.argv.slice(2));
    if (clientProcessId !== undefined)
      whenProcessGone(clientProcessId, () => exitForGoneClient(clientProcessId, false));
    // A bug in one request must not take the editor's server down: report it and carry on.
    process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
      if (gone(error)) process.exit(1);
      try {
        remote.error(`cors: uncaught ${error.stack ?? String(error)}`);
      } catch {
        process.stderr.write(`cors-language-server: uncaught ${error.stack ?? String(error)}\n`);
      }
    });
    process.on('unhandledRejection', (reason) =>
      remote.error(`cors: unhandled rejection ${String(reason)}`),
    );
    startServer(connection);
    break;
  }
}

function clientProcessIdArgument(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? '';
    if (argument === '--clientProcessId') return Number(argv[i + 1]);
    if (argument.startsWith('--clientProcessId='))
      return Number(argument.slice('--clientProcessId='.length));
  }
  return undefined;
}

/** What the server's own code or a dependency prints goes to the client's log, as vscode-languageserver does for `--stdio`. */
function routeConsole(remote: {
  log(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}): void {
  const text = (args: unknown[]): string =>
    args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = (...args: unknown[]) => remote.log(text(args));
  console.debug = (...args: unknown[]) => remote.log(text(args));
  console.info = (...args: unknown[]) => remote.info(text(args));
  console.warn = (...args: unknown[]) => remote.warn(text(args));
  console.error = (...args: unknown[]) => remote.error(text(args));
}
