/**
 * One home for "which CORS middleware answers the preflight itself" (issue 18): the `answersPreflight`
 * field of each library description, read through `answersPreflightAt` by require-preflight-handler
 * (answered-routes.ts) and by the project index (facts/js.ts). These tests fail when a second list of
 * library names appears in the plugin's source, when the field is read anywhere else, or when the
 * two users answer differently for the same mount.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { jsServerSurface } from '../src/project/facts/js.js';
import { getCorsContext } from '../src/utils/cors-context.js';
import type { MiddlewarePolicy } from '../src/utils/extract/frameworks/libraries/cors-options.js';
import { CORS_LIBRARIES } from '../src/utils/extract/frameworks/libraries/index.js';
import { routesAnsweredByPolicies } from '../src/utils/extract/routing/answered-routes.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const LIBRARIES = path.join('utils', 'extract', 'frameworks', 'libraries');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(SRC, full)] : [];
  });
}

/** Each source file's code with its comments blanked out: a comment may name libraries. */
const sources = sourceFiles(SRC).map((file) => ({
  file,
  code: readFileSync(path.join(SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
}));

describe('answersPreflight', () => {
  it('is stated on each library description, as cors-reference.md §3 says', () => {
    expect(
      Object.fromEntries(CORS_LIBRARIES.map((library) => [library.name, library.answersPreflight])),
    ).toEqual({
      // 204 unless `preflightContinue`; the OPTIONS route the plugin adds; 204 without next().
      cors: 'where-mounted',
      '@fastify/cors': 'where-mounted',
      hono: 'where-mounted',
      '@orpc/server': 'where-mounted',
      // 204 for an OPTIONS with Access-Control-Request-Method, but a @koa/router runs its `use`
      // middleware only for requests one of its routes matches.
      '@koa/cors': 'app-only',
    });
  });

  it('has no second list: no source file outside the descriptions lists two library names', () => {
    const names = CORS_LIBRARIES.map((library) => library.name);
    // A list literal (`[…]`, `new Set([…])`) of string literals naming two or more libraries.
    const lists = sources.flatMap(({ file, code }) =>
      file.startsWith(LIBRARIES)
        ? []
        : [...code.matchAll(/\[[^\][]*\]/g)]
            .filter(([list]) => names.filter((name) => list.includes(`'${name}'`)).length >= 2)
            .map(([list]) => `${file}: ${list.replace(/\s+/g, ' ')}`),
    );
    expect(lists).toEqual([]);
  });

  it('is read in one place, answersPreflightAt, which both users import', () => {
    const readers = sources
      .filter(({ file, code }) => !file.startsWith(LIBRARIES) && /\.answersPreflight\b/.test(code))
      .map(({ file }) => file);
    expect(readers).toEqual([path.join('utils', 'extract', 'routing', 'answered-routes.ts')]);
    const users = sources
      .filter(({ code }) => /import \{[^}]*\banswersPreflightAt\b/.test(code))
      .map(({ file }) => file)
      .sort();
    expect(users).toEqual([path.join('project', 'facts', 'js.ts')]);
    const routes = sources.find(({ file }) => file.endsWith('answered-routes.ts'))!.code;
    expect(routes).toMatch(/answersPreflightAt\(policy\.source\.library/);
  });
});

interface Verdicts {
  /** require-preflight-handler: the policies whose mounts answer routes' preflights. */
  readonly rule: boolean[];
  /** The project index: whether the policy's mount rule says its preflight is answered. */
  readonly index: boolean[];
}

/** Lints `code` with a probe rule that asks both users about each middleware policy of the file. */
function verdicts(code: string): Verdicts {
  let captured: Verdicts | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit': () => {
          const model = getCorsContext(context);
          const middleware = model.policies.filter(
            (policy): policy is MiddlewarePolicy =>
              policy.source.kind === 'middleware' && 'call' in policy,
          );
          const answering = new Set(
            routesAnsweredByPolicies(model.registrations, middleware, (node) =>
              context.sourceCode.getScope(node),
            ).map(({ policy }) => policy),
          );
          const surface = jsServerSurface(model, context.sourceCode, 'server.js');
          captured = {
            rule: middleware.map((policy) => answering.has(policy)),
            index: middleware.map((policy) =>
              (surface?.routes ?? []).some(
                (route) =>
                  !route.specific &&
                  route.source.line === policy.call.loc.start.line &&
                  route.preflight === 'answered',
              ),
            ),
          };
        },
      };
    },
  };
  const linter = new Linter({ cwd: '/' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { probe: { rules: { verdicts: probe } } } as never,
        rules: { 'probe/verdicts': 'error' as const },
        languageOptions: { sourceType: 'module' as const },
      },
    ],
    '/project/server.js',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  if (!captured) throw new Error('the probe rule did not run');
  return captured;
}

// `@fastify/cors` is left out: the project index makes no rule for a `register` mount (its path is
// unknown), so it has no verdict to compare.
describe('the two users of answersPreflight agree', () => {
  it.each([
    {
      name: 'cors on an Express app',
      answers: true,
      code: `import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors({ origin: 'https://app.example.com' }));
app.put('/items/:id', (req, res) => res.json({}));
`,
    },
    {
      name: "hono's cors on an app",
      answers: true,
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('/api/*', cors({ origin: 'https://app.example.com' }));
app.put('/api/items/:id', (c) => c.json({}));
`,
    },
    {
      name: '@koa/cors on a Koa app',
      answers: true,
      code: `import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ origin: 'https://app.example.com' }));
`,
    },
    {
      name: '@koa/cors on a @koa/router',
      answers: false,
      code: `import Router from '@koa/router';
import cors from '@koa/cors';
const router = new Router();
router.use(cors({ origin: 'https://app.example.com' }));
router.put('/items/:id', (ctx) => { ctx.body = {}; });
`,
    },
  ])('$name', ({ code, answers }) => {
    const { rule, index } = verdicts(code);
    expect(rule).toEqual([answers]);
    expect(index).toEqual(rule);
  });
});
