/**
 * The value-flow layer on the shapes real servers use: what it says an expression may be, and what
 * the response-header extractor makes of it (one policy per origin a write may send).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { getCorsContext } from '../../src/utils/cors-context.js';
import type { PossibleValue } from '../../src/utils/extract/values/value-flow.js';
import { ValueFlow } from '../../src/utils/extract/values/value-flow.js';

/** Lints `code`; `probe(model, valueOf)` runs at Program:exit. `valueOf(name)` gives the values of the last `probe(name)` argument. */
function analyse(
  code: string,
  filename = 'src/server.ts',
): { values: (index?: number) => string[]; origins: string[]; reports: string[] } {
  const probed: TSESTree.Node[] = [];
  let described: string[][] = [];
  let origins: string[] = [];
  const rule = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'CallExpression[callee.name="probe"]'(call: TSESTree.CallExpression) {
          probed.push(call.arguments[0]!);
        },
        'Program:exit'() {
          const model = getCorsContext(context);
          const flow = new ValueFlow(
            (node) => context.sourceCode.getScope(node),
            model.originReads,
            { filename: context.filename, parser: context.languageOptions.parser },
          );
          described = probed.map((node) => flow.possibleValues(node).map(describeValue).sort());
          origins = model.policies.map((policy) => describeOrigin(policy.origin)).sort();
        },
      };
    },
  };
  const messages = new Linter().verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        plugins: { probe: { rules: { values: rule } } as never, cors: plugin as never },
        rules: { 'probe/values': 'error', ...plugin.configs.recommended[0].rules },
      },
    ],
    filename,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return {
    values: (index = 0) => described[index] ?? [],
    origins,
    reports: messages
      .filter((message) => message.ruleId?.startsWith('cors/'))
      .map((message) => `${message.ruleId}@${message.line}`),
  };
}

function describeValue(value: PossibleValue): string {
  if (value.kind === 'literal') return `literal ${JSON.stringify(value.value)}`;
  if (value.kind === 'request')
    return `request ${value.source}${value.guarded ? ' (guarded)' : ''}`;
  return 'unknown';
}

function describeOrigin(origin: { kind: string; value?: string; at: TSESTree.Node }): string {
  return `${origin.kind}${origin.value !== undefined ? ` ${origin.value}` : ''}@${origin.at.loc.start.line}`;
}

/** A file beside tests/fixtures/imported-options/, whose modules the probed code imports. */
const IMPORTING_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'imported-options',
  'server.ts',
);

describe('values from other files', () => {
  it('an env default declared in a config module: the variable is unknown, the default possible', () => {
    const code = `import { DEFAULTS } from './config-defaults';\nprobe(process.env.CORS_ORIGIN ?? DEFAULTS.cors.origin);`;
    expect(analyse(code, IMPORTING_FILE).values()).toEqual(['literal "*"', 'unknown']);
  });

  it('reads frozen, nested and spread objects another module exports', () => {
    const code = `
import { DEFAULTS, SETTINGS } from './config-defaults';
declare const options: object;
probe(DEFAULTS.port);
probe(SETTINGS.server.corsOrigin);
probe({ ...DEFAULTS.cors, ...options }.credentials);
probe(DEFAULTS.cors.missing);
`;
    const { values } = analyse(code, IMPORTING_FILE);
    expect([values(0), values(1), values(2), values(3)]).toEqual([
      ['literal 3000'],
      ['literal "https://app.example.com"'],
      ['literal true', 'unknown'],
      ['unknown'],
    ]);
  });

  it('follows a value re-exported from another module (export { x } from, export *)', () => {
    const code = `import { ALLOWED_ORIGIN, SERVER_CONFIG } from './config-index';\nprobe(ALLOWED_ORIGIN);\nprobe(SERVER_CONFIG.CORS_ORIGIN);`;
    const { values } = analyse(code, IMPORTING_FILE);
    expect([values(0), values(1)]).toEqual([['literal "null"', 'unknown'], ['literal true']]);
  });
});

describe('possible values', () => {
  it('every operand of || and ?? is possible; a truthy literal on the left always wins', () => {
    expect(analyse(`probe(process.env.ORIGIN || 'https://a.example');`).values()).toEqual([
      'literal "https://a.example"',
      'unknown',
    ]);
    expect(analyse(`declare const o: string | null; probe(o ?? 'null');`).values()).toEqual([
      'literal "null"',
      'unknown',
    ]);
    expect(analyse(`probe('https://a.example' || process.env.ORIGIN);`).values()).toEqual([
      'literal "https://a.example"',
    ]);
  });

  it('follows let variables through every assignment, and if/else branches', () => {
    const { values } = analyse(`
declare const pub: boolean;
let origin = 'https://a.example';
if (pub) origin = '*'; else { origin = 'https://b.example'; }
probe(origin);
`);
    expect(values()).toEqual([
      'literal "*"',
      'literal "https://a.example"',
      'literal "https://b.example"',
    ]);
  });

  it('reads returns of same-file functions, with the call arguments for parameters', () => {
    const { values } = analyse(`
const pick = (preferred: string | undefined, fallback = 'https://a.example') => preferred ?? fallback;
function corsOrigin() { return pick(undefined); }
probe(corsOrigin());
`);
    expect(values()).toContain('literal "https://a.example"');
  });

  it('reads members of constant objects, and string methods on known strings', () => {
    const { values } = analyse(`
const SERVER_CONFIG = { HOST: '127.0.0.1', CORS_ORIGIN: true } as const;
probe(SERVER_CONFIG.CORS_ORIGIN);
probe(' HTTPS://A.EXAMPLE '.trim().toLowerCase());
`);
    expect(values(0)).toEqual(['literal true']);
    expect(values(1)).toEqual(['literal "https://a.example"']);
  });

  it('marks request data as such, and guarded where an allow-list check decides the branch', () => {
    const { values } = analyse(`
const allowed = ['https://a.example'];
export function handler(req: any) {
  probe(req.query.origin);
  probe(allowed.includes(req.headers.origin) ? req.headers.origin : 'https://a.example');
  probe(new URL(req.url).searchParams.get('cb'));
  probe(req.get('Referer'));
  probe(req.headers.host);
}
`);
    expect(values(0)).toEqual(['request req.query']);
    expect(values(1)).toEqual([
      'literal "https://a.example"',
      'request the Origin header (guarded)',
    ]);
    expect(values(2)).toEqual(['request req.url']);
    expect(values(3)).toEqual(['request the Referer header']);
    // A page cannot choose the Host header of a cross-origin request.
    expect(values(4)).toEqual(['unknown']);
  });

  it('a default merged under options it cannot see is possible; one written after them is not', () => {
    const { values } = analyse(`
declare const options: { origin?: string; credentials?: boolean };
const defaults = { origin: '*', credentials: true };
const opts = { origin: 'https://a.example', ...options };
probe(opts.origin);
const { origin, credentials = false } = { ...defaults, ...options };
probe(origin);
probe(credentials);
probe(Object.assign({}, defaults, options).origin);
probe({ ...defaults, ...options, origin: 'https://b.example' }.origin);
probe({ ...options }.origin);
`);
    expect(values(0)).toEqual(['literal "https://a.example"', 'unknown']);
    expect(values(1)).toEqual(['literal "*"', 'unknown']);
    expect(values(2)).toEqual(['literal false', 'literal true', 'unknown']);
    expect(values(3)).toEqual(['literal "*"', 'unknown']);
    expect(values(4)).toEqual(['literal "https://b.example"']);
    expect(values(5)).toEqual(['unknown']);
  });

  it('a function called where it is written receives its arguments', () => {
    const { values } = analyse(`
const picked = ((configured, fallback = 'https://b.example') => configured || fallback)('https://a.example');
probe(picked);
probe(((x) => x)());
`);
    expect(values(0)).toEqual(['literal "https://a.example"']);
    expect(values(1)).toEqual(['literal undefined']);
  });

  it('calls a function a factory produced, with the arguments of that call', () => {
    const { values } = analyse(`
declare const options: { origin?: string };
const opts = { origin: '*', ...options };
const allow = ((configured) => {
  if (configured === '*') return () => configured;
  return (origin: string) => (origin === configured ? origin : null);
})(opts.origin);
function makeEcho() {
  return (origin: string) => origin || 'null';
}
const echo = makeEcho();
export function handler(req: any) {
  probe(allow(req.headers.origin));
  probe(echo(req.headers.origin));
}
`);
    expect(values(0)).toEqual([
      'literal "*"',
      'literal null',
      'request the Origin header (guarded)',
      'unknown',
    ]);
    expect(values(1)).toEqual(['literal "null"', 'request the Origin header']);
  });

  it('an assignment the code replaces on a comparison drops that literal (`if (x === "*") x = y`)', () => {
    const { values } = analyse(`
declare const options: { origin?: string }; declare const credentials: boolean; declare const requestOrigin: string;
let origin = options.origin || '*';
if (credentials && origin === '*') origin = requestOrigin;
probe(origin);
`);
    expect(values()).toEqual(['unknown', 'unknown']);
  });
});

describe('what the response-header extractor makes of it', () => {
  it("`allowed ? origin : 'null'` is two policies: checked, and a fixed 'null' at the literal", () => {
    const { origins, reports } = analyse(`
import express from 'express';
const app = express();
const allowed = new Set(['https://a.example']);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', allowed.has(origin) ? origin : 'null');
  res.setHeader('Vary', 'Origin');
  next();
});
`);
    expect(origins).toEqual(['checked@7', 'fixed null@7']);
    expect(reports).toEqual(['cors/no-null-origin@7']);
  });

  it('a local header-setting wrapper and a let variable that may copy the request: reflection with credentials at the assignment', () => {
    const { reports } = analyse(`
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  const requestOrigin = ctx.get('Origin');
  let origin;
  origin = process.env.CORS_ORIGIN || requestOrigin;
  function set(key: string, value: string) {
    ctx.set(key, value);
  }
  set('Access-Control-Allow-Origin', origin);
  set('Access-Control-Allow-Credentials', 'true');
  set('Vary', 'Origin');
  await next();
});
`);
    expect(reports).toEqual(['cors/no-reflected-origin-with-credentials@7']);
  });

  it('any request field copied into Access-Control-Allow-Origin is a reflection', () => {
    const { reports } = analyse(`
import express from 'express';
const app = express();
app.get('/embed', (req, res) => {
  res.set('Access-Control-Allow-Origin', req.query.parent as string);
  res.set('Access-Control-Allow-Credentials', 'true');
  res.set('Vary', 'Origin');
  res.send('ok');
});
`);
    expect(reports).toEqual(['cors/no-reflected-origin-with-credentials@5']);
  });

  it("'*' in one branch and credentials in the other are not wildcard-with-credentials", () => {
    const { reports } = analyse(`
import express from 'express';
const app = express();
const allowed = ['https://a.example'];
app.use((req, res, next) => {
  if (req.path.startsWith('/public/')) {
    res.setHeader('Access-Control-Allow-Origin', '*');
  } else if (allowed.includes(req.headers.origin)) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
});
`);
    expect(reports).toEqual([]);
  });
});
