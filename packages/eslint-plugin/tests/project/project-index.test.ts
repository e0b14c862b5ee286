import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { nextRoutePath } from '../../src/project/facts/js.js';
import { ProjectIndex } from '../../src/project/project-index.js';
import { findProjectRoot } from '../../src/project/project-root.js';
import { readSnapshot, writeSnapshot } from '../../src/project/snapshot.js';
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
