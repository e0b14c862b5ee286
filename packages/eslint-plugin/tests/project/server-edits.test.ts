/**
 * The server side of a contract finding as text: for each server shape the index reads, a client
 * request that fails there gets an edit of the server file (`serverFixEdits`) that makes it pass,
 * applied here and checked by linting the client again against the edited server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { serverFixEdits } from '../../src/project/server-edits.js';
import { projectConsultation } from '../../src/utils/project-contract.js';

const RULES = [
  'client-credentials-need-server-credentials',
  'require-allowed-request-headers',
  'require-allowed-method',
  'require-exposed-headers',
] as const;

/** A project holding `server` at `serverFile`, outside any git work tree. */
function project(
  serverFile: string,
  server: string,
  serverPackage: Record<string, string> = {},
): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-edits-'));
  fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), "packages:\n  - '*'\n");
  fs.mkdirSync(path.join(root, 'web'));
  fs.writeFileSync(
    path.join(root, 'web', 'package.json'),
    JSON.stringify({ dependencies: { 'react-dom': '^19.0.0' } }),
  );
  fs.mkdirSync(path.dirname(path.join(root, serverFile)), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ dependencies: serverPackage }),
  );
  fs.writeFileSync(path.join(root, serverFile), server);
  return root;
}

/** Lints `client` in `root`'s web app: its contract findings, each with the edit of its server. */
function lintClient(root: string, client: string) {
  const linter = new Linter({ cwd: root });
  const filename = path.join(root, 'web', 'client.js');
  const messages = linter.verify(
    client,
    [
      {
        files: ['**/*.js'],
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        rules: Object.fromEntries(RULES.map((rule) => [`cors/${rule}`, 'error'])),
        settings: { cors: { project: { root } } },
      },
    ],
    { filename },
  );
  const consultation = projectConsultation(linter.getSourceCode()!.ast as never);
  return messages.map((message) => {
    const finding = consultation?.findings.find(
      (candidate) =>
        candidate.messageId === message.messageId &&
        candidate.line === message.line &&
        candidate.column + 1 === message.column,
    );
    return { messageId: message.messageId, serverFix: finding?.serverFix };
  });
}

/** The server text with the edits of the client's `messageId` finding applied; undefined without edits. */
function editedServer(root: string, serverFile: string, client: string, messageId: string) {
  const finding = lintClient(root, client).find((candidate) => candidate.messageId === messageId);
  expect(finding?.serverFix, 'a finding with a server fix').toBeDefined();
  const text = fs.readFileSync(path.join(root, serverFile), 'utf8');
  const edits = serverFixEdits(root, finding!.serverFix!, text);
  if (!edits) return undefined;
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0]))
    out = out.slice(0, edit.range[0]) + edit.text + out.slice(edit.range[1]);
  return out;
}

const NEXT_ROUTE = 'app/api/items/route.js';
const next = (exports: string) => `${exports}
  const response = Response.json({ ok: true });
  response.headers.set('Access-Control-Allow-Origin', 'http://localhost:5173');
  response.headers.set('Access-Control-Allow-Methods', 'GET, PUT');
  response.headers.set('Access-Control-Allow-Headers', 'Content-Type');
  response.headers.set('X-Total-Count', '3');
  return response;
}
`;
const NEXT_PUT = next('export async function PUT(request) {');
const NEXT_ANSWERED = next(
  'export { handle as PUT, handle as DELETE, handle as OPTIONS };\nasync function handle(request) {',
);
const NODE_HTTP = `import http from 'node:http';
http
  .createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', 'http://localhost:5173');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    res.setHeader('X-Total-Count', '3');
    res.end('[]');
  })
  .listen(4000);
`;
const FASTIFY = `import Fastify from 'fastify';
import cors from '@fastify/cors';
const app = Fastify();
await app.register(cors, { origin: 'http://localhost:5173', allowedHeaders: ['Content-Type'] });
app.get('/items', async (request, reply) => reply.header('X-Total-Count', '3').send([]));
await app.listen({ port: 3000 });
`;
const FASTIFY_HOOK = `import Fastify from 'fastify';
const app = Fastify();
app.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'http://localhost:5173');
  reply.header('Access-Control-Allow-Headers', 'Content-Type');
});
app.options('*', async (request, reply) => reply.code(204).send());
app.get('/items', async (request, reply) => reply.header('X-Total-Count', '3').send([]));
await app.listen({ port: 3000 });
`;
const NEXT_URL = 'https://api.example.com/api/items';

describe('serverFixEdits', () => {
  it.each([
    {
      name: "Next.js: exports OPTIONS, answering with the module's CORS headers",
      serverFile: NEXT_ROUTE,
      server: NEXT_PUT,
      client: `fetch('${NEXT_URL}', { method: 'PUT', body: '{}' });`,
      messageId: 'preflightNotAnswered',
      added: [
        'export function OPTIONS() {',
        "  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': 'http://localhost:5173', 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Allow-Headers': 'Content-Type' } });",
      ],
    },
    {
      name: 'Next.js: adds a request header to Access-Control-Allow-Headers',
      serverFile: NEXT_ROUTE,
      server: NEXT_ANSWERED,
      client: `fetch('${NEXT_URL}', { method: 'PUT', headers: { 'X-Api-Key': 'k' } });`,
      messageId: 'headerNotAllowed',
      added: ["  response.headers.set('Access-Control-Allow-Headers', 'Content-Type, X-Api-Key');"],
    },
    {
      name: 'Next.js: adds a method to Access-Control-Allow-Methods',
      serverFile: NEXT_ROUTE,
      server: NEXT_ANSWERED,
      client: `fetch('${NEXT_URL}', { method: 'DELETE' });`,
      messageId: 'methodNotAllowed',
      added: ["  response.headers.set('Access-Control-Allow-Methods', 'GET, PUT, DELETE');"],
    },
    {
      name: 'Next.js: exposes a response header',
      serverFile: NEXT_ROUTE,
      server: NEXT_ANSWERED,
      client: `const response = await fetch('${NEXT_URL}', { method: 'PUT' }); response.headers.get('X-Total-Count');`,
      messageId: 'headerNotExposedByServer',
      added: ["  response.headers.set('Access-Control-Expose-Headers', 'X-Total-Count');"],
    },
    {
      name: 'Next.js: allows credentials for the one origin it sends',
      serverFile: NEXT_ROUTE,
      server: NEXT_ANSWERED,
      client: `fetch('${NEXT_URL}', { method: 'PUT', credentials: 'include' });`,
      messageId: 'credentialsNotAllowed',
      added: ["  response.headers.set('Access-Control-Allow-Credentials', 'true');"],
    },
    {
      name: 'node:http: adds a request header',
      serverFile: 'api/server.js',
      server: NODE_HTTP,
      client: "fetch('http://localhost:4000/items', { headers: { 'X-Api-Key': 'k' } });",
      messageId: 'headerNotAllowed',
      added: ["    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Api-Key');"],
    },
    {
      name: 'node:http: exposes a response header',
      serverFile: 'api/server.js',
      server: NODE_HTTP,
      client:
        "const response = await fetch('http://localhost:4000/items'); response.headers.get('X-Total-Count');",
      messageId: 'headerNotExposedByServer',
      added: ["    res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count');"],
    },
    {
      name: 'Fastify register(cors): adds a request header',
      serverFile: 'api/server.js',
      server: FASTIFY,
      client: "fetch('http://localhost:3000/items', { headers: { 'X-Api-Key': 'k' } });",
      messageId: 'headerNotAllowed',
      added: [
        "await app.register(cors, { origin: 'http://localhost:5173', allowedHeaders: ['Content-Type', 'X-Api-Key'] });",
      ],
    },
    {
      name: 'Fastify hook: adds a request header',
      serverFile: 'api/server.js',
      server: FASTIFY_HOOK,
      client: "fetch('http://localhost:3000/items', { headers: { 'X-Api-Key': 'k' } });",
      messageId: 'headerNotAllowed',
      added: ["  reply.header('Access-Control-Allow-Headers', 'Content-Type, X-Api-Key');"],
    },
  ])('$name', ({ serverFile, server, client, messageId, added }) => {
    const root = project(serverFile, server);
    expect(lintClient(root, client).map((finding) => finding.messageId)).toContain(messageId);
    const edited = editedServer(root, serverFile, client, messageId);
    expect(edited, 'an edit').toBeDefined();
    // The lines the edit adds or changes (a closing brace already in the file is not new).
    const before = new Set(server.split('\n'));
    expect(edited!.split('\n').filter((line) => !before.has(line))).toEqual(added);
    // The edited server lets the request pass: linted in a fresh project, the finding is gone.
    const after = project(serverFile, edited!);
    expect(lintClient(after, client).map((finding) => finding.messageId)).not.toContain(messageId);
  });

  it('proposes no credentials edit where the server reflects every origin or answers *', () => {
    for (const origin of ["req.headers.origin ?? '*'", "'*'"]) {
      const root = project('api/server.js', NODE_HTTP.replace("'http://localhost:5173'", origin));
      const findings = lintClient(
        root,
        "fetch('http://localhost:4000/items', { credentials: 'include' });",
      );
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.filter((finding) => finding.serverFix !== undefined)).toEqual([]);
    }
  });
});
