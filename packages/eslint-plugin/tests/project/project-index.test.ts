import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import type { ServerSurface } from 'cors-lint-core';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { nextRoutePath } from '../../src/project/facts/js.js';
import {
  lintedFileFacts,
  ProjectIndex,
  type LintedFileFacts,
} from '../../src/project/project-index.js';
import { findProjectRoot } from '../../src/project/project-root.js';
import {
  packFileFacts,
  readSnapshot,
  unpackFileFacts,
  writeSnapshot,
} from '../../src/project/snapshot.js';
import { PROJECT } from '../helpers/project-fixture.js';

const SERVER = `import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors({ origin: 'http://localhost:5173' }));
app.get('/api/orders', (req, res) => res.json([]));
app.listen(3000);
`;
const CLIENT =
  "export const load = () => fetch('http://localhost:3000/api/orders', { credentials: 'include' });\n";

/** A project outside any git work tree (so the walk lists it), marked by a workspace manifest. */
function tempProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-project-'));
  fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), "packages:\n  - '*'\n");
  fs.mkdirSync(path.join(root, 'api'));
  fs.mkdirSync(path.join(root, 'web'));
  fs.mkdirSync(path.join(root, 'node_modules', 'cors'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'node_modules', 'cors', 'index.js'),
    'module.exports = function cors() {};\n',
  );
  fs.writeFileSync(path.join(root, 'api', 'server.js'), SERVER);
  fs.writeFileSync(path.join(root, 'api', 'util.js'), 'export const add = (a, b) => a + b;\n');
  fs.writeFileSync(
    path.join(root, 'web', 'package.json'),
    JSON.stringify({ dependencies: { 'react-dom': '^19.0.0' } }),
  );
  fs.writeFileSync(path.join(root, 'web', 'client.js'), CLIENT);
  return root;
}

/** The server surfaces the index reads from `lines`, written as `nginx.conf` in a temporary project. */
function nginxSurfaces(lines: readonly string[]): ServerSurface[] {
  const root = tempProject();
  fs.writeFileSync(path.join(root, 'nginx.conf'), [...lines, ''].join('\n'));
  return new ProjectIndex(root)
    .facts(undefined, {})
    .surfaces.filter(({ file }) => file === 'nginx.conf');
}

/** Rewrites a file with a later mtime, as an editor's save does, whatever the clock's resolution. */
function rewrite(file: string, text: string): void {
  const { mtimeMs } = fs.statSync(file);
  fs.writeFileSync(file, text);
  const later = new Date(mtimeMs + 5_000);
  fs.utimesSync(file, later, later);
}

describe('project root', () => {
  it('is the nearest folder with a workspace manifest or .git, or the configured one', () => {
    expect(findProjectRoot(path.join(PROJECT, 'apps/web/src/orders.js'), {})).toBe(
      PROJECT.replace(/[\\/]$/, ''),
    );
    expect(
      findProjectRoot(path.join(PROJECT, 'apps/web/src/orders.js'), {
        cors: { project: { root: '/somewhere/else' } },
      }),
    ).toBe(path.resolve('/somewhere/else'));
    expect(findProjectRoot('relative.js', {})).toBeUndefined();
  });
});

describe('ProjectIndex', () => {
  it('records the route rules of server files only, as JSON data with source locations', () => {
    const root = tempProject();
    // A test's mock server is no server of the app.
    fs.writeFileSync(
      path.join(root, 'api', 'server.test.js'),
      SERVER.replace('app.listen(3000);', "app.get('/v1/customers', (req, res) => res.json([]));"),
    );
    const facts = new ProjectIndex(root).facts(undefined, {});
    expect(facts.surfaces.map((surface) => surface.file)).toEqual(['api/server.js']);
    const [surface] = facts.surfaces;
    expect(surface?.origins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(
      surface?.routes.map((rule) => [
        rule.match,
        rule.methods,
        rule.preflight,
        rule.source.line,
        rule.specific,
      ]),
    ).toEqual([
      [{ kind: 'any' }, 'any', 'answered', 4, false],
      [{ kind: 'route', path: '/api/orders' }, ['GET'], 'answered', 4, true],
    ]);
    // Plain data: a JSON round trip keeps it whole.
    expect(JSON.parse(JSON.stringify(facts.surfaces))).toEqual(facts.surfaces);
    expect(facts.headersRead).toEqual(new Set());
  });

  it('parses a file again only when its mtime or size changes', () => {
    const root = tempProject();
    const index = new ProjectIndex(root);
    index.facts(undefined, {});
    const first = index.parses;
    const before = index.fingerprint();
    index.facts(undefined, {});
    expect(index.parses).toBe(first);
    expect(index.fingerprint()).toBe(before);
    rewrite(
      path.join(root, 'api', 'server.js'),
      SERVER.replace(
        "origin: 'http://localhost:5173'",
        "origin: 'http://localhost:5173', credentials: true",
      ),
    );
    expect(index.fingerprint()).not.toBe(before);
    const after = index.facts(undefined, {});
    expect(index.parses).toBe(first + 1);
    const policy = after.surfaces[0]?.routes[0]?.policy;
    expect(typeof policy === 'object' && policy.credentials).toMatchObject({
      kind: 'known',
      value: true,
    });
    // A file that does not mention CORS changes nothing.
    const withCredentials = index.fingerprint();
    rewrite(path.join(root, 'api', 'util.js'), 'export const add = (a, b) => b + a;\n');
    expect(index.fingerprint()).toBe(withCredentials);
    index.facts(undefined, {});
    expect(index.parses).toBe(first + 1);
  });

  it('changes nothing for an edit of a file that declares no server and reads no header', () => {
    const root = tempProject();
    const util = path.join(root, 'api', 'util.js');
    const index = new ProjectIndex(root);
    const facts = index.facts(undefined, {}, { revalidate: false });
    const version = index.version;
    // Typing in a module without CORS words: no fact changes, so nothing is rebuilt or published.
    expect(index.overlay(util, 'export const add = (a, b) => a + b + 1;\n')).toBeUndefined();
    expect(index.version).toBe(version);
    expect(index.facts(undefined, {}, { revalidate: false })).toBe(facts);
    // A header read is a fact (the recommended config reports only headers a client reads).
    expect(
      index.overlay(util, "export const total = (r) => r.headers.get('X-Total-Count');\n"),
    ).toBe('api/util.js');
    expect(index.facts(undefined, {}, { revalidate: false }).headersRead).toContain(
      'x-total-count',
    );
    // And so is a server appearing in it.
    expect(index.overlay(util, SERVER.replace('app.listen(3000);', 'app.listen(3002);'))).toBe(
      'api/util.js',
    );
    expect(
      index.facts(undefined, {}, { revalidate: false }).surfaces.map(({ file }) => file),
    ).toContain('api/util.js');
  });

  it('reads an overlay instead of the disk until it is removed, and refreshes only the files named', () => {
    const root = tempProject();
    const server = path.join(root, 'api', 'server.js');
    const index = new ProjectIndex(root);
    const credentials = (facts: ReturnType<ProjectIndex['facts']>) =>
      facts.surfaces[0]?.routes.map((rule) =>
        typeof rule.policy === 'object' ? rule.policy.credentials.kind : rule.policy,
      );
    const before = credentials(index.facts(undefined, {}, { revalidate: false }));
    const unsaved = SERVER.replace(
      "origin: 'http://localhost:5173'",
      "origin: 'http://localhost:5173', credentials: true",
    );
    expect(index.overlay(server, unsaved)).toBe('api/server.js');
    const edited = credentials(index.facts(undefined, {}, { revalidate: false }));
    expect(edited).not.toEqual(before);
    // The same text again changes nothing; outside the root, or in node_modules, is not indexed.
    expect(index.overlay(path.join(root, 'node_modules', 'cors', 'index.js'), 'x')).toBeUndefined();
    expect(index.overlay(path.join(os.tmpdir(), 'elsewhere.js'), 'x')).toBeUndefined();
    // The disk is ignored while the overlay stands, and read again once it is removed.
    rewrite(server, SERVER.replace('app.listen(3000);', 'app.listen(3001);'));
    expect(index.refresh([server])).toEqual([]);
    expect(index.overlay(server, undefined)).toBe('api/server.js');
    expect(index.facts(undefined, {}, { revalidate: false }).surfaces[0]?.origins).toContain(
      'http://localhost:3001',
    );
    // A new file is read when the watcher names it, a deleted one dropped.
    const second = path.join(root, 'api', 'admin.js');
    fs.writeFileSync(second, SERVER.replace('app.listen(3000);', 'app.listen(4000);'));
    expect(index.refresh([second, path.join(root, 'api', 'util.js')])).toEqual(['api/admin.js']);
    expect(
      index
        .facts(undefined, {}, { revalidate: false })
        .surfaces.map((surface) => surface.file)
        .sort(),
    ).toEqual(['api/admin.js', 'api/server.js']);
    fs.rmSync(second);
    expect(index.refresh([second])).toEqual(['api/admin.js']);
    expect(
      index.facts(undefined, {}, { revalidate: false }).surfaces.map((surface) => surface.file),
    ).toEqual(['api/server.js']);
  });

  it("takes the facts a lint read from an overlay's text instead of parsing it, for its own root and file only", () => {
    const root = tempProject();
    const server = path.join(root, 'api', 'server.js');
    const unsaved = SERVER.replace(
      "origin: 'http://localhost:5173'",
      "origin: 'http://localhost:5173', credentials: true",
    );
    let linted: LintedFileFacts | undefined;
    const facts = {
      create: (context: Parameters<typeof lintedFileFacts>[0]) => ({
        'Program:exit': () => {
          linted = lintedFileFacts(context, root);
        },
      }),
    };
    new Linter({ cwd: root }).verify(
      unsaved,
      [
        {
          files: ['**/*.js'],
          plugins: { index: { rules: { facts: facts as never } } },
          rules: { 'index/facts': 'warn' },
        },
      ],
      { filename: server },
    );
    expect(linted?.root).toBe(root);
    expect(linted?.file).toBe('api/server.js');
    const parsing = new ProjectIndex(root);
    parsing.overlay(server, unsaved);
    const expected = parsing.facts(undefined, {}, { revalidate: false });
    expect(expected.surfaces).toHaveLength(1);

    const index = new ProjectIndex(root);
    index.facts(undefined, {}, { revalidate: false });
    const parsed = index.parses;
    expect(index.overlay(server, unsaved, linted)).toBe('api/server.js');
    expect(index.facts(undefined, {}, { revalidate: false })).toEqual(expected);
    expect(index.parses).toBe(parsed);
    // Facts read for another file, or another root, are not this text's: it is parsed.
    expect(index.overlay(server, `${unsaved}\n`, { ...linted!, file: 'api/admin.js' })).toBe(
      'api/server.js',
    );
    index.facts(undefined, {}, { revalidate: false });
    expect(index.parses).toBe(parsed + 1);
    expect(index.overlay(server, unsaved, { ...linted!, root: path.dirname(root) })).toBe(
      'api/server.js',
    );
    index.facts(undefined, {}, { revalidate: false });
    expect(index.parses).toBe(parsed + 2);
  });

  it('describes a Next.js route module and a node:http handler, with whether they answer the preflight', () => {
    const root = tempProject();
    fs.mkdirSync(path.join(root, 'app', 'api', 'orders', '[id]'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'app', 'api', 'orders', '[id]', 'route.ts'),
      "export async function DELETE() {\n  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': 'http://localhost:5173' } });\n}\n",
    );
    fs.writeFileSync(
      path.join(root, 'api', 'raw.js'),
      "import http from 'node:http';\nhttp.createServer((req, res) => {\n  if (req.method === 'PUT') {\n    res.setHeader('Access-Control-Allow-Origin', 'http://localhost:5173');\n    res.end();\n  }\n}).listen(4000);\n",
    );
    const surfaces = new ProjectIndex(root).facts(undefined, {}).surfaces;
    const rules = (file: string) =>
      surfaces
        .find((surface) => surface.file === file)
        ?.routes.map((rule) => [rule.match, rule.methods, rule.preflight, rule.specific]);
    expect(rules('app/api/orders/[id]/route.ts')).toEqual([
      [{ kind: 'route', path: '/api/orders/:id' }, ['DELETE'], 'not-answered', true],
    ]);
    expect(rules('api/raw.js')).toEqual([[{ kind: 'any' }, 'any', 'not-answered', false]]);
    expect(surfaces.find((surface) => surface.file === 'api/raw.js')?.origins).toEqual([
      'http://localhost:4000',
      'http://127.0.0.1:4000',
    ]);
  });

  it('records a Next.js route module that exports a handler made elsewhere without OPTIONS', () => {
    const root = tempProject();
    fs.mkdirSync(path.join(root, 'lib'));
    const handler = (answersOptions: boolean) =>
      `export async function handle(request) {\n  const response = new Response(${answersOptions ? "request.method === 'OPTIONS' ? null : '{}'" : "'{}'"});\n  response.headers.set('Access-Control-Allow-Origin', 'https://studio.example.com');\n  response.headers.set('Access-Control-Allow-Headers', 'Content-Type');\n  return response;\n}\n`;
    fs.writeFileSync(path.join(root, 'lib', 'handler.js'), handler(false));
    fs.writeFileSync(path.join(root, 'lib', 'answering.js'), handler(true));
    const route = (folder: string, text: string) => {
      fs.mkdirSync(path.join(root, 'app', folder), { recursive: true });
      fs.writeFileSync(path.join(root, 'app', folder, 'route.js'), text);
    };
    // The route module's own text mentions no CORS: it is read for what it exports.
    route('drafts', "export { handle as GET, handle as PUT } from '../../lib/handler.js';\n");
    route('answered', "export { handle as PUT, handle as OPTIONS } from '../../lib/handler.js';\n");
    route('itself', "export { handle as PUT } from '../../lib/answering.js';\n");
    const facts = new ProjectIndex(root).facts(undefined, {});
    expect(facts.reexportedHandlers).toEqual([
      {
        route: { file: 'app/drafts/route.js', line: 1, column: 19 },
        method: 'GET',
        headers: { file: 'lib/handler.js', line: 3, column: 2 },
      },
    ]);
    const snapshot = path.join(root, 'facts.json');
    writeSnapshot(snapshot, facts, 'f');
    expect(readSnapshot(snapshot)?.reexportedHandlers).toEqual(facts.reexportedHandlers);
  });

  it('reads dev proxies: Vite server.proxy with its port, Next.js rewrites, package.json proxy', () => {
    const root = tempProject();
    fs.writeFileSync(
      path.join(root, 'web', 'vite.config.js'),
      "export default { server: { port: 4000, proxy: { '/api': 'http://localhost:3000', '^/auth/.*': { target: 'http://localhost:3000' } } } };\n",
    );
    fs.writeFileSync(
      path.join(root, 'next.config.mjs'),
      "export default { async rewrites() { return [{ source: '/backend/:path*', destination: 'http://localhost:3000/:path*' }]; } };\n",
    );
    fs.writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'cra', proxy: 'http://localhost:3000' }),
    );
    const { proxied } = new ProjectIndex(root).facts(undefined, {});
    expect(proxied).toEqual(
      expect.arrayContaining([
        { origin: 'http://localhost:4000', prefix: '/api' },
        { origin: 'http://localhost:4000', prefix: '/auth/' },
        { origin: 'http://localhost:3000', prefix: '/backend/' },
        { origin: 'http://localhost:3000', prefix: '/' },
      ]),
    );
  });

  it('lists the response headers the project reads, and round-trips through a snapshot', () => {
    const root = tempProject();
    fs.writeFileSync(
      path.join(root, 'web', 'count.js'),
      "export const count = (r) => r.headers.get('X-Total-Count');\n",
    );
    const index = new ProjectIndex(root);
    const facts = index.facts(undefined, {});
    expect(facts.headersRead).toEqual(new Set(['x-total-count']));
    const file = path.join(root, 'snapshot.json');
    writeSnapshot(file, facts, index.fingerprint());
    expect(readSnapshot(file)).toEqual(facts);
  });
});

describe('snapshot files', () => {
  /** A server whose one `cors()` serves three routes, and an nginx location with its own preflight answer. */
  function projectWithSharedPolicies(): string {
    const root = tempProject();
    fs.writeFileSync(
      path.join(root, 'api', 'server.js'),
      [
        "import express from 'express';",
        "import cors from 'cors';",
        'const app = express();',
        "const api = cors({ origin: 'http://localhost:5173', allowedHeaders: ['Content-Type'] });",
        "app.get('/api/orders', api, (req, res) => res.json([]));",
        "app.post('/api/orders', api, (req, res) => res.json({}));",
        "app.delete('/api/orders/:id', api, (req, res) => res.end());",
        'app.listen(3000);',
        '',
      ].join('\n'),
    );
    fs.mkdirSync(path.join(root, 'deploy'));
    fs.writeFileSync(
      path.join(root, 'deploy', 'nginx.conf'),
      [
        'events {}',
        'http { server { listen 8080; location /api/ {',
        '  if ($request_method = OPTIONS) { add_header Access-Control-Allow-Origin "http://localhost:5173" always; return 204; }',
        '  add_header Access-Control-Allow-Origin "http://localhost:5173" always;',
        '  proxy_pass http://127.0.0.1:3000;',
        '} } }',
        '',
      ].join('\n'),
    );
    return root;
  }

  it('writes each policy once per surface and reads the rules back sharing it', () => {
    const root = projectWithSharedPolicies();
    const index = new ProjectIndex(root);
    const facts = index.facts(undefined, {});
    const express = facts.surfaces.find((surface) => surface.file === 'api/server.js');
    const policies = new Set(express?.routes.map((rule) => rule.policy));
    expect(express?.routes).toHaveLength(3);
    expect(policies.size).toBe(1);
    const nginx = facts.surfaces.find((surface) => surface.file === 'deploy/nginx.conf');
    expect(nginx?.routes.some((rule) => typeof rule.preflightPolicy === 'object')).toBe(true);

    const file = path.join(root, 'snapshot.json');
    writeSnapshot(file, facts, index.fingerprint());
    const text = fs.readFileSync(file, 'utf8');
    // The middleware's allowed headers are written once, not once per route.
    expect(text.split('"text":"Content-Type"')).toHaveLength(2);
    const read = readSnapshot(file);
    expect(read).toEqual(facts);
    const readExpress = read?.surfaces.find((surface) => surface.file === 'api/server.js');
    expect(new Set(readExpress?.routes.map((rule) => rule.policy)).size).toBe(1);
  });

  it("packs a file's facts as one JSON string per surface, and unpacks them sharing policies again", () => {
    const root = projectWithSharedPolicies();
    const index = new ProjectIndex(root);
    const surfaces = index
      .facts(undefined, {})
      .surfaces.filter((surface) => surface.file === 'api/server.js');
    const packed = packFileFacts({ root, file: 'api/server.js', surfaces });
    expect(packed.surfaceJson.every((json) => typeof json === 'string')).toBe(true);
    const kept = new Map<unknown, string>();
    const unpacked = unpackFileFacts(packed, (surface, json) => kept.set(surface, json));
    expect(unpacked).toEqual({ root, file: 'api/server.js', surfaces });
    expect(new Set(unpacked.surfaces[0]?.routes.map((rule) => rule.policy)).size).toBe(1);
    expect([...kept.values()]).toEqual(packed.surfaceJson);
  });

  it('reads a snapshot written before the policy table, and none that names a policy it lacks', () => {
    const root = projectWithSharedPolicies();
    const index = new ProjectIndex(root);
    const facts = index.facts(undefined, {});
    const older = path.join(root, 'version-1.json');
    fs.writeFileSync(
      older,
      JSON.stringify({
        version: 1,
        root: facts.root,
        fingerprint: 'f',
        surfaces: facts.surfaces,
        proxied: facts.proxied,
        headersRead: [...facts.headersRead],
        digests: facts.digests,
        reexportedHandlers: facts.reexportedHandlers,
      }),
    );
    expect(readSnapshot(older)).toEqual(facts);

    const broken = path.join(root, 'broken.json');
    writeSnapshot(broken, facts, 'f');
    fs.writeFileSync(
      broken,
      fs.readFileSync(broken, 'utf8').replaceAll('"$policy":0', '"$policy":7'),
    );
    expect(readSnapshot(broken)).toBeUndefined();
  });
});

describe('ProjectIndex: nginx and Django', () => {
  it('records one surface per nginx server: the location nginx picks, its OPTIONS branch, its upstream', () => {
    const root = tempProject();
    fs.mkdirSync(path.join(root, 'deploy'));
    fs.writeFileSync(
      path.join(root, 'deploy', 'nginx.conf'),
      [
        'events {}',
        'http {',
        '  server {',
        '    listen 8080;',
        '    location /api/ {',
        '      if ($request_method = OPTIONS) {',
        '        add_header Access-Control-Allow-Origin "http://localhost:5173" always;',
        '        add_header Access-Control-Allow-Headers "Content-Type" always;',
        '        return 204;',
        '      }',
        '      add_header Access-Control-Allow-Origin "http://localhost:5173" always;',
        '      proxy_pass http://127.0.0.1:3000/v1/;',
        '    }',
        '    location = /health { return 200; }',
        '    location ~* \\.png$ { add_header X-Frame-Options DENY; }',
        '    location @fallback { return 404; }',
        '  }',
        '  server {',
        '    listen 443 ssl;',
        '    server_name shop.example.com;',
        '    location / { proxy_pass http://backend; }',
        '  }',
        '  server { listen 9000; location / { root /srv; } }',
        '}',
        '',
      ].join('\n'),
    );
    const surfaces = new ProjectIndex(root)
      .facts(undefined, {})
      .surfaces.filter((surface) => surface.file === 'deploy/nginx.conf');
    // The third server neither sets CORS nor passes requests on: nothing to check against.
    expect(surfaces.map((surface) => [surface.origins, surface.onlyAtOrigins])).toEqual([
      [['http://localhost:8080', 'http://127.0.0.1:8080'], undefined],
      [['https://shop.example.com'], true],
    ]);
    const [local, named] = surfaces;
    expect(local?.selection).toBe('nginx-location');
    expect(
      local?.routes.map((rule) => [
        rule.match,
        rule.nginx,
        typeof rule.policy === 'string' ? rule.policy : rule.policy.origin.kind,
        rule.preflight,
        rule.source.line,
        rule.specific,
      ]),
    ).toEqual([
      [
        { kind: 'prefix', path: '/api/' },
        { modifier: '', path: '/api/' },
        'fixed',
        'answered',
        5,
        true,
      ],
      [
        { kind: 'exact', path: '/health' },
        { modifier: '=', path: '/health' },
        'none',
        'answered',
        14,
        true,
      ],
      [
        { kind: 'regex', source: '\\.png$', flags: 'i' },
        { modifier: '~*', path: '\\.png$' },
        'none',
        'unknown',
        15,
        true,
      ],
    ]);
    const [api] = local?.routes ?? [];
    // The OPTIONS branch's own add_header set replaces the location's: its Allow-Headers answer the preflight.
    const branch = api?.preflightPolicy;
    expect(typeof branch === 'object' && branch.allowHeaders).toMatchObject({
      kind: 'known',
      value: { pieces: [{ text: 'Content-Type', at: { file: 'deploy/nginx.conf', line: 8 } }] },
    });
    expect(typeof api?.policy === 'object' && api.policy.allowHeaders).toEqual({ kind: 'absent' });
    expect(api?.forwardsTo).toEqual({
      origins: ['http://127.0.0.1:3000'],
      replacePrefix: { from: '/api/', to: '/v1/' },
    });
    // A one-word host is a compose service: the app behind it listens on that port (80 here) in its container.
    expect(named?.routes.map((rule) => [rule.policy, rule.forwardsTo, rule.specific])).toEqual([
      ['none', { origins: ['http://backend', 'http://localhost', 'http://127.0.0.1'] }, false],
    ]);
    expect(JSON.parse(JSON.stringify(surfaces))).toEqual(surfaces);
  });

  it('reads a limit_except without OPTIONS as refusing the preflight, whatever the location answers', () => {
    const cors =
      'add_header Access-Control-Allow-Origin "http://localhost:5173" always; add_header Access-Control-Allow-Methods "GET, PUT" always;';
    const [surface] = nginxSurfaces([
      'server {',
      '    listen 8080;',
      // nginx 1.22: OPTIONS → 403, the `if` never runs for it.
      `    location /denied/ { ${cors} if ($request_method = OPTIONS) { return 204; } limit_except GET { deny all; } return 200; }`,
      // OPTIONS listed: the `if` answers it.
      `    location /listed/ { ${cors} if ($request_method = OPTIONS) { return 204; } limit_except GET OPTIONS { deny all; } return 200; }`,
      // Allowed from some addresses: 405 from the static handler (nginx 1.22), no `return` runs.
      `    location /allowed/ { ${cors} if ($request_method = OPTIONS) { return 204; } limit_except GET { allow 127.0.0.1; deny all; } return 200; }`,
      // Allowed and proxied: the upstream answers, as far as nginx is concerned.
      `    location /proxied/ { ${cors} limit_except GET { allow 127.0.0.1; deny all; } proxy_pass http://127.0.0.1:3000; }`,
      '}',
    ]);
    expect(
      surface?.routes.map((rule) => [
        rule.source.line,
        rule.preflight,
        rule.preflightPolicy !== undefined,
      ]),
    ).toEqual([
      [3, 'not-answered', false],
      [4, 'answered', true],
      [5, 'not-answered', false],
      [6, 'unknown', false],
    ]);
    expect(surface?.routes.map((rule) => rule.preflightRefusal)).toEqual([
      { statuses: [403], allowOrigin: true, methods: ['GET', 'HEAD'] },
      undefined,
      { statuses: [403, 405], allowOrigin: true, methods: ['GET', 'HEAD'] },
      undefined,
    ]);
  });

  it('says with which status a limit_except refuses the preflight, and whether CORS headers come along', () => {
    const acao = 'add_header Access-Control-Allow-Origin "http://localhost:5173"';
    const app = 'proxy_pass http://127.0.0.1:3000;';
    const surfaces = nginxSurfaces([
      'server {',
      '    listen 8080;',
      // Checked on nginx 1.22: 403 + ACAO with `always`, 403 alone without it.
      `    location /always/ { ${acao} always; limit_except GET POST { deny all; } ${app} }`,
      `    location /plain/ { ${acao}; limit_except GET POST { deny all; } ${app} }`,
      // auth_basic alone: 401 + ACAO; beside deny all, 403 first.
      `    location /auth/ { ${acao} always; limit_except GET { auth_basic "api"; auth_basic_user_file htpasswd; } ${app} }`,
      `    location /both/ { ${acao} always; limit_except GET { deny all; auth_basic "api"; } ${app} }`,
      // Not proxied, nothing denied: 405 from the static handler.
      `    location /static/ { ${acao} always; limit_except GET { } }`,
      // An error_page for 403 answers with another location's response: left unsaid.
      `    location /paged/ { ${acao} always; error_page 403 /403.html; limit_except GET { deny all; } ${app} }`,
      '}',
      'server {',
      '    listen 8081;',
      `    ${acao} always;`,
      // The server's headers, inherited by the location and its limit_except (nginx 1.22: 403 + ACAO).
      `    location /inherited/ { limit_except GET { deny all; } ${app} }`,
      // A header of the location's own drops the server's (403 with X-Frame-Options only).
      `    location /dropped/ { add_header X-Frame-Options DENY always; limit_except GET { deny all; } ${app} }`,
      '}',
    ]);
    expect(
      surfaces.flatMap((surface) =>
        surface.routes.map((rule) => [rule.source.line, rule.preflight, rule.preflightRefusal]),
      ),
    ).toEqual([
      [3, 'not-answered', { statuses: [403], allowOrigin: true, methods: ['GET', 'POST', 'HEAD'] }],
      [
        4,
        'not-answered',
        { statuses: [403], allowOrigin: false, methods: ['GET', 'POST', 'HEAD'] },
      ],
      [5, 'not-answered', { statuses: [401], allowOrigin: true, methods: ['GET', 'HEAD'] }],
      [6, 'not-answered', { statuses: [403], allowOrigin: true, methods: ['GET', 'HEAD'] }],
      [7, 'not-answered', { statuses: [405], allowOrigin: true, methods: ['GET', 'HEAD'] }],
      [8, 'not-answered', undefined],
      [13, 'not-answered', { statuses: [403], allowOrigin: true, methods: ['GET', 'HEAD'] }],
      [14, 'not-answered', { statuses: [403], allowOrigin: false, methods: ['GET', 'HEAD'] }],
    ]);
  });

  it('resolves proxy_pass to an upstream block into its servers, without those marked down or on sockets', () => {
    const [surface] = nginxSurfaces([
      'http {',
      '    upstream pool {',
      '        server 10.0.0.5:8080 weight=2;',
      '        server web:8000 backup;',
      '        server 10.0.0.6:8080 down;',
      '        server unix:/run/app.sock;',
      '    }',
      '    server {',
      '        listen 8080;',
      '        location /api/ { proxy_pass https://pool/v2/; }',
      '        location /raw/ { proxy_pass http://pool; }',
      '        location /other/ { proxy_pass http://10.0.0.7; }',
      '    }',
      '}',
    ]);
    expect(surface?.routes.map((rule) => rule.forwardsTo)).toEqual([
      {
        origins: [
          'https://10.0.0.5:8080',
          'https://web:8000',
          'https://localhost:8000',
          'https://127.0.0.1:8000',
        ],
        replacePrefix: { from: '/api/', to: '/v2/' },
      },
      {
        origins: [
          'http://10.0.0.5:8080',
          'http://web:8000',
          'http://localhost:8000',
          'http://127.0.0.1:8000',
        ],
      },
      { origins: ['http://10.0.0.7'] },
    ]);
  });

  it('reads a server-level OPTIONS answer for every location, and leaves an unreadable include unknown', () => {
    const [surface] = nginxSurfaces([
      'http {',
      '  server {',
      '    listen 8081;',
      '    if ($request_method = OPTIONS) { return 204; }',
      '    location /api/ { add_header Access-Control-Allow-Origin "http://localhost:5173" always; }',
      '    location /cms/ { include missing/cors.conf; }',
      '  }',
      '}',
    ]);
    expect(
      surface?.routes.map((rule) => [
        rule.policy === 'unknown' ? 'unknown' : typeof rule.policy,
        rule.preflight,
        rule.preflightPolicy,
      ]),
    ).toEqual([
      ['object', 'answered', 'none'],
      ['unknown', 'answered', 'none'],
    ]);
  });

  it('records a Django settings module: one rule per branch over CORS_URLS_REGEX, with the library defaults', () => {
    const root = tempProject();
    fs.mkdirSync(path.join(root, 'shop'));
    fs.writeFileSync(
      path.join(root, 'shop', 'settings.py'),
      [
        'import os',
        'DEBUG = os.environ.get("DEBUG") == "1"',
        'INSTALLED_APPS = ["corsheaders"]',
        'MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]',
        'CORS_URLS_REGEX = r"^/api/.*$"',
        'if DEBUG:',
        '    CORS_ALLOWED_ORIGINS = ["http://localhost:5173"]',
        'else:',
        '    CORS_ALLOWED_ORIGINS = ["https://shop.example.com"]',
        '    CORS_ALLOW_CREDENTIALS = True',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(root, 'shop', 'urls.py'), 'CORS_ALLOWED_ORIGINS = []\n');
    const surfaces = new ProjectIndex(root).facts(undefined, {}).surfaces;
    expect(surfaces.map((surface) => surface.file).sort()).toEqual([
      'api/server.js',
      'shop/settings.py',
    ]);
    const django = surfaces.find((surface) => surface.file === 'shop/settings.py');
    expect(django?.origins).toEqual(['http://localhost:8000', 'http://127.0.0.1:8000']);
    expect(
      django?.routes.map((rule) => {
        const policy = rule.policy as Exclude<typeof rule.policy, string>;
        return [
          rule.match,
          rule.preflight,
          policy.credentials.kind === 'known' ? policy.credentials.value : policy.credentials.kind,
          policy.allowHeaders.kind === 'default'
            ? policy.allowHeaders.value.pieces[0]?.text
            : undefined,
        ];
      }),
    ).toEqual([
      [
        { kind: 'regex', source: '^(?:^/api/.*$)', flags: '' },
        'answered',
        'absent',
        expect.stringContaining('authorization'),
      ],
      [
        { kind: 'regex', source: '^(?:^/api/.*$)', flags: '' },
        'answered',
        true,
        expect.stringContaining('x-csrftoken'),
      ],
    ]);
  });

  it('gives a Django module whose MIDDLEWARE lacks CorsMiddleware no surface', () => {
    const root = tempProject();
    fs.writeFileSync(
      path.join(root, 'settings.py'),
      'INSTALLED_APPS = ["corsheaders"]\nMIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\nCORS_ALLOWED_ORIGINS = ["http://localhost:5173"]\n',
    );
    expect(
      new ProjectIndex(root).facts(undefined, {}).surfaces.map((surface) => surface.file),
    ).toEqual(['api/server.js']);
  });
});

describe('nextRoutePath', () => {
  it.each([
    ['app/api/orders/route.ts', '/api/orders'],
    ['src/app/api/orders/[id]/route.js', '/api/orders/:id'],
    ['app/(shop)/api/[...slug]/route.ts', '/api/*slug'],
    ['app/route.ts', '/'],
    ['pages/api/orders.ts', undefined],
  ])('%s → %s', (file, expected) => {
    expect(nextRoutePath(file)).toBe(expected);
  });
});

describe('cors.configs.project() and ESLint --cache', () => {
  it('re-lints a client file when its server changes, and serves it from the cache otherwise', async () => {
    const root = tempProject();
    let runs = 0;
    const probe = {
      meta: { type: 'problem' as const, schema: [] },
      create: () => ((runs += 1), {}),
    };
    const lint = async () => {
      const eslint = new ESLint({
        cwd: root,
        cache: true,
        cacheLocation: path.join(root, '.eslintcache'),
        overrideConfigFile: true,
        overrideConfig: [
          {
            plugins: { cors: plugin as never, probe: { rules: { probe } } },
            rules: {
              'cors/client-credentials-need-server-credentials': 'error',
              'probe/probe': 'error',
            },
          },
          plugin.configs.project({ root }),
        ],
      });
      const [result] = await eslint.lintFiles(['web/client.js']);
      return result?.messages.map((message) => message.ruleId);
    };
    expect(await lint()).toEqual(['cors/client-credentials-need-server-credentials']);
    expect(runs).toBe(1);
    expect(await lint()).toEqual(['cors/client-credentials-need-server-credentials']);
    expect(runs).toBe(1);
    rewrite(
      path.join(root, 'api', 'server.js'),
      SERVER.replace(
        "origin: 'http://localhost:5173'",
        "origin: 'http://localhost:5173', credentials: true",
      ),
    );
    expect(await lint()).toEqual([]);
    expect(runs).toBe(2);
  });
});
