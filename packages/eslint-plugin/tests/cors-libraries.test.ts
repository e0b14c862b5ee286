/**
 * The policy model read from each CORS library's options: defaults per major version (from the
 * nearest package.json), origin forms, and how each library is applied. The rules' own tests show
 * the findings; this shows the model they get, including the parts no rule reports yet.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractedPolicy } from '../src/utils/cors-context.js';
import { getCorsContext } from '../src/utils/cors-context.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const under = (
  folder: 'koa4' | 'koa5' | 'fastify10' | 'fastify11' | 'orpc1' | 'orpc2' | 'unpinned',
) => path.join(here, 'fixtures', 'cors-libraries', folder, 'server.js');

function policiesOf(
  code: string,
  filename = path.join(here, 'fixtures', 'cors-libraries', 'server.js'),
): ExtractedPolicy[] {
  let policies: readonly ExtractedPolicy[] = [];
  const probe = {
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit'() {
          policies = getCorsContext(context).policies;
        },
      };
    },
  };
  // cwd: the file's folder, so files of temporary projects outside the repository are linted too.
  const linter = new Linter({ configType: 'flat', cwd: path.dirname(filename) });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { sourceType: 'module' },
        plugins: { probe: { rules: { probe } } } as never,
        rules: { 'probe/probe': 'error' },
      },
    ],
    filename,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return policies.filter((policy) => policy.source.kind === 'middleware');
}

/** The Allow-Methods a policy sends, as text, with the kind of setting. */
function methods(policy: ExtractedPolicy | undefined): string {
  const setting = policy?.allowMethods;
  if (setting?.kind === 'default' || setting?.kind === 'known')
    return `${setting.kind}:${setting.value.pieces.map((piece) => piece.text).join(',')}`;
  return setting?.kind ?? 'none';
}

const FASTIFY_APP = `
import Fastify from 'fastify';
import cors from '@fastify/cors';
const app = Fastify();
await app.register(cors, { origin: 'https://app.example.com' });
app.put('/items/:id', async () => ({}));
`;

describe('@fastify/cors', () => {
  it('reads the default methods of the installed major, and none when the version is unknown', () => {
    expect(methods(policiesOf(FASTIFY_APP, under('fastify11'))[0])).toBe('default:GET,HEAD,POST');
    expect(methods(policiesOf(FASTIFY_APP, under('fastify10'))[0])).toBe(
      'default:GET,HEAD,PUT,PATCH,POST,DELETE',
    );
    expect(methods(policiesOf(FASTIFY_APP, under('unpinned'))[0])).toBe('unknown');
  });

  it('is found under any import form, with the options as the second argument', () => {
    const forms = [
      "const cors = require('@fastify/cors');\napp.register(cors, { credentials: true });",
      "const { fastifyCors } = require('@fastify/cors');\napp.register(fastifyCors, { credentials: true });",
      "import { fastifyCors as plugin } from '@fastify/cors';\nawait app.register(plugin, { credentials: true });",
      "app.register(require('@fastify/cors'), { credentials: true });",
      "await app.register(import('@fastify/cors'), { credentials: true });",
    ];
    for (const code of forms) {
      const [policy, extra] = policiesOf(code, under('fastify11'));
      expect(extra, code).toBeUndefined();
      expect(policy, code).toBeDefined();
      expect(policy).toMatchObject({
        source: { library: '@fastify/cors' },
        optionsIndex: 1,
        origin: { kind: 'wildcard', implicit: true },
        credentials: { kind: 'known', value: true },
      });
    }
  });

  it("collapses an array holding '*', treats truthy credentials as sent, and drops preflight headers with preflight: false", () => {
    const [policy] = policiesOf(
      "import cors from '@fastify/cors';\napp.register(cors, { origin: ['https://a.example', '*'], credentials: 'yes', preflight: false, methods: ['PUT'] });",
      under('fastify11'),
    );
    expect(policy).toMatchObject({
      origin: { kind: 'wildcard', implicit: false },
      credentials: { kind: 'known', value: true },
      allowMethods: { kind: 'absent' },
    });
  });

  it('reads a delegator only when it always answers one options object', () => {
    const [fixed] = policiesOf(
      "import cors from '@fastify/cors';\napp.register(cors, () => (req, cb) => cb(null, { origin: true, credentials: true }));",
      under('fastify11'),
    );
    expect(fixed).toMatchObject({
      origin: { kind: 'reflect-any' },
      credentials: { kind: 'known', value: true },
      optionsObject: undefined,
    });
    const [dynamic] = policiesOf(
      "import cors from '@fastify/cors';\napp.register(cors, { delegator: async (req) => ({ origin: req.headers.origin }) });",
      under('fastify11'),
    );
    expect(dynamic).toMatchObject({
      origin: { kind: 'unknown' },
      allowMethods: { kind: 'unknown' },
    });
  });

  it('does not take another register call for the plugin', () => {
    expect(
      policiesOf(
        "import helmet from '@fastify/helmet';\napp.register(helmet, { origin: '*' });",
        under('fastify11'),
      ),
    ).toEqual([]);
  });
});

describe('@koa/cors', () => {
  const DEFAULT_ORIGIN = "import cors from '@koa/cors';\napp.use(cors());";
  it('reads the default origin of the installed major: * from v5, the request Origin before', () => {
    expect(policiesOf(DEFAULT_ORIGIN, under('koa5'))[0]?.origin).toMatchObject({
      kind: 'wildcard',
      implicit: true,
    });
    expect(policiesOf(DEFAULT_ORIGIN, under('koa4'))[0]?.origin).toMatchObject({
      kind: 'reflect-any',
      via: 'request-header',
    });
    expect(policiesOf(DEFAULT_ORIGIN, under('unpinned'))[0]?.origin).toMatchObject({
      kind: 'unknown',
    });
  });

  it('reflects any origin when credentials are on and the origin is * or the default, whatever the version', () => {
    for (const folder of ['koa4', 'koa5', 'unpinned'] as const) {
      expect(
        policiesOf(
          "import cors from '@koa/cors';\napp.use(cors({ credentials: true }));",
          under(folder),
        )[0]?.origin,
      ).toMatchObject({ kind: 'reflect-any', via: 'request-header' });
    }
    expect(
      policiesOf(
        "import cors from '@koa/cors';\napp.use(cors({ origin: '*', credentials: true }));",
        under('koa5'),
      )[0]?.origin,
    ).toMatchObject({ kind: 'reflect-any' });
    expect(
      policiesOf(
        "import cors from '@koa/cors';\napp.use(cors({ origin: 'https://app.example.com', credentials: true }));",
        under('koa5'),
      )[0]?.origin,
    ).toMatchObject({ kind: 'fixed', value: 'https://app.example.com' });
  });

  it('classifies an origin function of ctx, and reads an array as the header lines it sends', () => {
    const [echo] = policiesOf(
      "import cors from '@koa/cors';\napp.use(cors({ origin: (ctx) => ctx.get('Origin') }));",
      under('koa5'),
    );
    expect(echo).toMatchObject({
      source: { singleOrigin: true },
      origin: { kind: 'reflect-any', via: 'function' },
      allowMethods: { kind: 'default' },
    });
    const [checked] = policiesOf(
      "import cors from '@koa/cors';\nconst allowed = ['https://a.example'];\napp.use(cors({ origin: (ctx) => (allowed.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));",
      under('koa5'),
    );
    expect(checked?.origin.kind).toBe('checked');
    const [array] = policiesOf(
      "import cors from '@koa/cors';\napp.use(cors({ origin: ['https://a.example'] }));",
      under('koa5'),
    );
    expect(array?.origin).toMatchObject({ kind: 'fixed', value: 'https://a.example', lines: 1 });
    const [pair] = policiesOf(
      "import cors from '@koa/cors';\napp.use(cors({ origin: ['https://a.example', 'https://b.example'] }));",
      under('koa4'),
    );
    expect(pair?.origin).toMatchObject({
      kind: 'fixed',
      value: 'https://a.example, https://b.example',
      lines: 2,
    });
    const [regExp] = policiesOf(
      "import cors from '@koa/cors';\napp.use(cors({ origin: /example/ }));",
      under('koa5'),
    );
    expect(regExp?.origin.kind).toBe('unknown');
  });
});

describe('hono cors()', () => {
  it('reads a string origin as an allow-list of one, an array as a list, and * with credentials as is', () => {
    const [one] = policiesOf(
      "import { cors } from 'hono/cors';\napp.use('/api/*', cors({ origin: 'https://app.example.com' }));",
    );
    expect(one).toMatchObject({
      source: { library: 'hono' },
      paths: ['/api/*'],
      origin: {
        kind: 'allow-list',
        entries: [{ kind: 'exact', value: 'https://app.example.com' }],
      },
    });
    const [wildcard] = policiesOf(
      "import { cors as honoCors } from 'hono/cors';\napp.use('*', honoCors({ origin: '*', credentials: true }));",
    );
    expect(wildcard).toMatchObject({
      origin: { kind: 'wildcard', implicit: false },
      credentials: { kind: 'known', value: true },
    });
  });

  it('treats (origin, c) => origin as reflecting, and string header lists as unknown (hono needs arrays)', () => {
    const [policy] = policiesOf(
      "import { cors } from 'hono/cors';\napp.use(cors({ origin: (origin, c) => origin, allowHeaders: 'X-Token', exposeHeaders: ['X-Total'] }));",
    );
    expect(policy).toMatchObject({
      origin: { kind: 'reflect-any', via: 'function' },
      allowHeaders: { kind: 'unknown' },
      exposeHeaders: { kind: 'known' },
    });
  });

  it('ignores a default import, which hono/cors does not have', () => {
    expect(policiesOf("import cors from 'hono/cors';\napp.use(cors({ origin: '*' }));")).toEqual(
      [],
    );
  });
});

describe("oRPC's CORSPlugin", () => {
  const PLUGINS = "import { CORSPlugin } from '@orpc/server/plugins';\n";

  it('reads new CORSPlugin(options): an identity origin function reflects', () => {
    const [policy] = policiesOf(
      `${PLUGINS}const cors = new CORSPlugin({ origin: (origin) => origin, credentials: true, allowHeaders: ['Content-Type'] });`,
      under('orpc1'),
    );
    expect(policy).toMatchObject({
      source: { library: '@orpc/server', appliedAs: { call: 'new CORSPlugin()' } },
      origin: { kind: 'reflect-any', via: 'function' },
      credentials: { kind: 'known', value: true },
      allowHeaders: { kind: 'known' },
    });
    expect(methods(policy)).toBe('default:GET,HEAD,PUT,POST,DELETE,PATCH');
  });

  it('reflects by default in v1; the v2 default (reflect, then * from beta.30) and an unpinned one stay unknown', () => {
    const code = `${PLUGINS}const cors = new CORSPlugin({ credentials: true });`;
    expect(policiesOf(code, under('orpc1'))[0]).toMatchObject({
      origin: { kind: 'reflect-any', via: 'request-header' },
    });
    expect(policiesOf(code, under('orpc2'))[0]).toMatchObject({ origin: { kind: 'unknown' } });
    expect(policiesOf(code, under('unpinned'))[0]).toMatchObject({ origin: { kind: 'unknown' } });
    expect(policiesOf(`${PLUGINS}new CORSPlugin();`, under('orpc1'))[0]).toMatchObject({
      origin: { kind: 'reflect-any' },
    });
  });

  it("reads a string as an allow-list of one, a list holding '*' as *, null as no CORS, and a checking function as checked", () => {
    const origin = (value: string) =>
      policiesOf(`${PLUGINS}new CORSPlugin({ origin: ${value} });`, under('orpc1'))[0]?.origin;
    expect(origin("'https://app.example.com'")).toMatchObject({
      kind: 'allow-list',
      entries: [{ kind: 'exact', value: 'https://app.example.com' }],
    });
    expect(origin("['https://app.example.com', '*']")).toMatchObject({
      kind: 'wildcard',
      implicit: false,
    });
    expect(origin("['https://a.example.com', 'https://b.example.com']")).toMatchObject({
      kind: 'allow-list',
      entries: [{ value: 'https://a.example.com' }, { value: 'https://b.example.com' }],
    });
    expect(origin('null')).toMatchObject({ kind: 'disabled' });
    expect(origin("(origin) => (origin.endsWith('.example.com') ? origin : null)")).toMatchObject({
      kind: 'checked',
    });
  });

  it('finds the v2 name and other import forms, and nothing when the class comes from elsewhere', () => {
    expect(
      policiesOf(
        "import { CORSHandlerPlugin } from '@orpc/server/plugins';\nnew CORSHandlerPlugin({ origin: '*' });",
      ),
    ).toHaveLength(1);
    expect(
      policiesOf(
        "const plugins = require('@orpc/server/plugins');\nnew plugins.CORSPlugin({ origin: '*' });",
      ),
    ).toHaveLength(1);
    expect(
      policiesOf("import { CORSPlugin } from './my-plugins';\nnew CORSPlugin({ origin: '*' });"),
    ).toEqual([]);
    // A call without `new` is no plugin.
    expect(policiesOf(`${PLUGINS}CORSPlugin({ origin: '*' });`)).toEqual([]);
  });
});

describe('NestJS on the Fastify adapter', () => {
  const NEST_FASTIFY =
    "import { NestFactory } from '@nestjs/core';\nimport { FastifyAdapter } from '@nestjs/platform-fastify';\nconst app = await NestFactory.create(AppModule, new FastifyAdapter());\napp.enableCors();";

  /** A project whose installed @nestjs/platform-fastify depends on `range` of @fastify/cors. */
  function nestProject(range: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-nest-'));
    const host = path.join(root, 'node_modules', '@nestjs', 'platform-fastify');
    fs.mkdirSync(host, { recursive: true });
    fs.writeFileSync(
      path.join(host, 'package.json'),
      JSON.stringify({ dependencies: { '@fastify/cors': range } }),
    );
    return path.join(root, 'main.js');
  }

  it("takes @fastify/cors's defaults from the version the adapter brings", () => {
    const [policy] = policiesOf(NEST_FASTIFY, nestProject('11.1.0'));
    expect(policy).toMatchObject({
      source: { library: '@fastify/cors' },
      origin: { kind: 'wildcard', implicit: true },
    });
    // Options are enableCors's first argument, not a register's second.
    expect(policy && 'optionsIndex' in policy).toBe(false);
    expect(methods(policy)).toBe('default:GET,HEAD,POST');
    expect(methods(policiesOf(NEST_FASTIFY, nestProject('^10.0.0'))[0])).toBe(
      'default:GET,HEAD,PUT,PATCH,POST,DELETE',
    );
  });

  it('leaves the default methods unknown when the adapter is not installed, and reads Express apps with the cors package', () => {
    expect(methods(policiesOf(NEST_FASTIFY, under('fastify11'))[0])).toBe('unknown');
    const [express] = policiesOf(
      "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule, { cors: { credentials: true } });",
    );
    expect(express).toMatchObject({
      source: { library: 'cors' },
      credentials: { kind: 'known', value: true },
    });
    expect(methods(express)).toBe('default:GET,HEAD,PUT,PATCH,POST,DELETE');
  });
});

describe('the call as written, for messages', () => {
  it('names the register call, a factory under its own or another name, and framework methods', () => {
    const appliedAs = (code: string, file?: string) => policiesOf(code, file)[0]?.source;
    expect(
      appliedAs(
        "import cors from '@fastify/cors';\nawait fastify.register(cors, { credentials: true });",
        under('fastify11'),
      ),
    ).toMatchObject({ appliedAs: { call: 'fastify.register(cors, …)' } });
    expect(appliedAs("import { cors } from 'hono/cors';\napp.use(cors());")).toEqual({
      kind: 'middleware',
      library: 'hono',
      appliedAs: { call: 'cors()', from: 'hono/cors' },
    });
    expect(appliedAs("import cors from 'cors';\napp.use(cors());")).toEqual({
      kind: 'middleware',
      library: 'cors',
      appliedAs: { call: 'cors()' },
    });
    expect(
      appliedAs("import koaCors from '@koa/cors';\napp.use(koaCors());", under('koa5')),
    ).toMatchObject({ appliedAs: { call: 'koaCors()', from: '@koa/cors' } });
    expect(
      appliedAs(
        "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.enableCors();",
      ),
    ).toMatchObject({ appliedAs: { call: 'app.enableCors()' } });
    expect(
      appliedAs("import { Server } from 'socket.io';\nnew Server(3000, { cors: true });"),
    ).toMatchObject({ appliedAs: { call: 'new Server()' } });
  });
});
