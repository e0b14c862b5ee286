/**
 * Deterministic "realistic server code" for the language-server benchmark.
 *
 * A generated file is the CORS set-ups of `test-fixtures/` (Express apps with `cors()` options,
 * hand-set `Access-Control-*` headers on node:http, Lambda and fetch-style handlers — each wrapped in
 * a function so their top-level names do not clash) interleaved with ordinary route code (CRUD
 * routes with validation, paging, error handling, services, helpers), about one line in four
 * CORS-related. Imports are hoisted and merged. The same inputs give byte-identical output: the
 * only randomness is a seeded PRNG.
 *
 * `generateFile({ lines, dialect: 'js' | 'ts', seed, corsFree })` returns exactly `lines` lines.
 * With `corsFree`, no fixture is used and the text contains none of the words the server's
 * pre-check looks for (checked: an exception otherwise).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtureRoot = path.join(repoRoot, 'test-fixtures');
const FIXTURE_DIRS = [
  'express',
  'node-http',
  'lambda',
  'web-standard',
  'demo',
  'demo/routes',
  'demo/middleware',
];

/** The words `mayContainCors` keys on (packages/language-server/src/engine/cors-words.ts), case-insensitively. */
export const CORS_WORDS =
  /cors|access-control-|fetch|axios|xmlhttprequest|headers|setheader|writehead|no-cors/i;

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMPORT_LINE = /^import\s+(type\s+)?(.+?)\s+from\s+'([^']+)';\s*$/;

/** One fixture: its imports (parsed) and its body with `export` removed. */
function loadFixture(file) {
  const text = fs.readFileSync(file, 'utf8');
  const imports = [];
  const body = [];
  for (const line of text.split('\n')) {
    const match = IMPORT_LINE.exec(line);
    if (match) {
      imports.push(parseImport(match[1] !== undefined, match[2], match[3]));
      continue;
    }
    if (/^import\s/.test(line)) throw new Error(`${file}: unsupported import ${line}`);
    // Top-level exports become local declarations inside the wrapping function.
    if (/^export default [\w.]+;\s*$/.test(line)) continue;
    body.push(
      line
        .replace(/^export default \{/, 'const worker = {')
        .replace(/^export (const|let|function|async function|class) /, '$1 '),
    );
  }
  while (body.length > 0 && body.at(-1).trim() === '') body.pop();
  return { name: path.relative(fixtureRoot, file), imports, body };
}

function parseImport(typeOnly, clause, source) {
  const result = { source, defaultName: undefined, namespace: undefined, named: [] };
  let rest = clause.trim();
  const braces = /\{([^}]*)\}/.exec(rest);
  if (braces) {
    for (const part of braces[1]
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean))
      result.named.push(typeOnly && !part.startsWith('type ') ? `type ${part}` : part);
    rest = rest.replace(braces[0], '');
  }
  for (const part of rest
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (part.startsWith('* as ')) result.namespace = part.slice(5).trim();
    else result.defaultName = part;
  }
  return result;
}

function localNames(spec) {
  const names = [];
  if (spec.defaultName) names.push(spec.defaultName);
  if (spec.namespace) names.push(spec.namespace);
  for (const named of spec.named)
    names.push(
      named
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .at(-1),
    );
  return names;
}

/** Merged imports; throws on two sources binding the same local name. */
class ImportSet {
  #bySource = new Map();
  #owner = new Map();

  canAdd(specs) {
    return specs.every((spec) =>
      localNames(spec).every((name) => (this.#owner.get(name) ?? spec.source) === spec.source),
    );
  }

  add(specs) {
    for (const spec of specs) {
      let merged = this.#bySource.get(spec.source);
      if (!merged) {
        merged = { defaultName: undefined, namespace: undefined, named: new Set() };
        this.#bySource.set(spec.source, merged);
      }
      if (spec.defaultName) merged.defaultName = spec.defaultName;
      if (spec.namespace) merged.namespace = spec.namespace;
      for (const named of spec.named) merged.named.add(named);
      for (const name of localNames(spec)) this.#owner.set(name, spec.source);
    }
  }

  lines(dialect) {
    const out = [];
    for (const [source, merged] of [...this.#bySource].sort(([a], [b]) => a.localeCompare(b))) {
      let named = [...merged.named];
      if (dialect === 'js') named = named.filter((n) => !n.startsWith('type '));
      const parts = [];
      if (merged.defaultName) parts.push(merged.defaultName);
      if (merged.namespace) parts.push(`* as ${merged.namespace}`);
      if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
      if (parts.length > 0) out.push(`import ${parts.join(', ')} from '${source}';`);
    }
    return out;
  }
}

function fixturesFor(dialect) {
  const files = [];
  for (const dir of FIXTURE_DIRS) {
    const full = path.join(fixtureRoot, dir);
    for (const name of fs.readdirSync(full).sort()) {
      const extension = path.extname(name);
      const isTs = ['.ts', '.mts', '.cts'].includes(extension);
      const isJs = ['.js', '.mjs', '.cjs'].includes(extension);
      if (name === 'run-demo.mjs' || name === 'eslint.config.js') continue;
      // TypeScript files take both; JavaScript files only JavaScript fixtures.
      if (isJs || (isTs && dialect === 'ts')) files.push(path.join(full, name));
    }
  }
  return files.map(loadFixture);
}

const RESOURCES = [
  'orders',
  'invoices',
  'customers',
  'products',
  'shipments',
  'reviews',
  'coupons',
  'accounts',
  'reports',
  'webhooks',
  'teams',
  'projects',
  'tickets',
  'payments',
  'carts',
  'addresses',
];
const FIELDS = [
  'name',
  'status',
  'total',
  'currency',
  'note',
  'email',
  'quantity',
  'priority',
  'owner',
  'region',
  'title',
  'label',
];
const capitalize = (word) => word[0].toUpperCase() + word.slice(1);
const singular = (word) =>
  word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : word.endsWith('ses')
      ? word.slice(0, -2)
      : word.replace(/s$/, '');

/** A block of ordinary route code (no CORS-relevant words), about 40–90 lines. */
function ordinaryBlock(random, index, dialect) {
  const ts = dialect === 'ts';
  const resource = RESOURCES[Math.floor(random() * RESOURCES.length)];
  const one = singular(resource);
  const Type = capitalize(one);
  const fields = FIELDS.filter(() => random() < 0.5).slice(0, 5);
  if (fields.length < 2) fields.push('name', 'status');
  const id = `${resource}${index}`;
  const req = ts ? 'req: Request' : 'req';
  const res = ts ? 'res: Response' : 'res';
  const next = ts ? 'next: NextFunction' : 'next';
  const lines = [];
  if (ts) {
    lines.push(
      `interface ${Type}${index} {`,
      '  id: string;',
      ...fields.map(
        (f) =>
          `  ${f}: ${f === 'total' || f === 'quantity' || f === 'priority' ? 'number' : 'string'};`,
      ),
      '  createdAt: string;',
      '}',
      '',
    );
  }
  lines.push(
    `// ${capitalize(resource)}: list, read, create, update and delete, with validation and paging.`,
    `function validate${Type}${index}(body${ts ? ': Record<string, unknown>' : ''})${ts ? ': string[]' : ''} {`,
    `  const problems${ts ? ': string[]' : ''} = [];`,
    ...fields.map(
      (f) =>
        `  if (body.${f} === undefined || body.${f} === '') problems.push('${f} is required');`,
    ),
    `  return problems;`,
    `}`,
    '',
    `function mount${capitalize(id)}(app${ts ? ': Express' : ''}, db${ts ? ': Database' : ''}, log${ts ? ': Logger' : ''}) {`,
    `  const router = Router();`,
    '',
    `  router.get('/${resource}', async (${req}, ${res}, ${next}) => {`,
    `    try {`,
    `      const page = Math.max(1, Number.parseInt(String(req.query.page ?? '1'), 10) || 1);`,
    `      const limit = Math.min(100, Number.parseInt(String(req.query.limit ?? '20'), 10) || 20);`,
    `      const rows = await db.query('SELECT * FROM ${resource} ORDER BY created_at DESC LIMIT $1 OFFSET $2', [limit, (page - 1) * limit]);`,
    `      res.json({ page, limit, items: rows });`,
    `    } catch (error) {`,
    `      next(error);`,
    `    }`,
    `  });`,
    '',
    `  router.get('/${resource}/:id', async (${req}, ${res}, ${next}) => {`,
    `    try {`,
    `      const [row] = await db.query('SELECT * FROM ${resource} WHERE id = $1', [req.params.id]);`,
    `      if (!row) {`,
    `        res.status(404).json({ error: '${one} not found' });`,
    `        return;`,
    `      }`,
    `      res.json(row);`,
    `    } catch (error) {`,
    `      next(error);`,
    `    }`,
    `  });`,
    '',
    `  router.post('/${resource}', async (${req}, ${res}, ${next}) => {`,
    `    const problems = validate${Type}${index}(req.body);`,
    `    if (problems.length > 0) {`,
    `      res.status(422).json({ error: 'invalid ${one}', problems });`,
    `      return;`,
    `    }`,
    `    try {`,
    `      const created = await db.insert('${resource}', { ${fields.map((f) => `${f}: req.body.${f}`).join(', ')} });`,
    `      log.info('created ${one} %s', created.id);`,
    `      res.status(201).json(created);`,
    `    } catch (error) {`,
    `      next(error);`,
    `    }`,
    `  });`,
    '',
  );
  if (random() < 0.6) {
    lines.push(
      `  router.put('/${resource}/:id', async (${req}, ${res}, ${next}) => {`,
      `    const problems = validate${Type}${index}(req.body);`,
      `    if (problems.length > 0) {`,
      `      res.status(422).json({ error: 'invalid ${one}', problems });`,
      `      return;`,
      `    }`,
      `    try {`,
      `      const updated = await db.update('${resource}', req.params.id, req.body);`,
      `      res.json(updated);`,
      `    } catch (error) {`,
      `      next(error);`,
      `    }`,
      `  });`,
      '',
    );
  }
  if (random() < 0.5) {
    lines.push(
      `  router.delete('/${resource}/:id', async (${req}, ${res}, ${next}) => {`,
      `    try {`,
      `      await db.remove('${resource}', req.params.id);`,
      `      log.info('deleted ${one} %s', req.params.id);`,
      `      res.status(204).end();`,
      `    } catch (error) {`,
      `      next(error);`,
      `    }`,
      `  });`,
      '',
    );
  }
  lines.push(`  app.use('/api/v${1 + (index % 3)}', router);`, `  return router;`, `}`, '');
  return lines;
}

/** Small filler: one route (9 lines), used to land exactly on the requested line count. */
function fillerRoute(index, dialect) {
  const ts = dialect === 'ts';
  return [
    `// Liveness probe ${index}.`,
    `export function mountProbe${index}(app${ts ? ': Express' : ''}) {`,
    `  app.get('/probe/${index}', (${ts ? 'req: Request' : 'req'}, ${ts ? 'res: Response' : 'res'}) => {`,
    `    res.json({ ok: true, at: Date.now() });`,
    `  });`,
    `}`,
    '',
  ];
}

function fixtureBlock(fixture, index) {
  const fn = `setup${fixture.name.replace(/\.[^.]+$/, '').replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_, __, c) => c.toUpperCase())}${index}`;
  return [
    `// Adapted from test-fixtures/${fixture.name}.`,
    `export function ${fn}() {`,
    ...fixture.body.map((line) => (line === '' ? '' : `  ${line}`)),
    `}`,
    '',
  ];
}

export function generateFile({ lines: target, dialect, seed = 1, corsFree = false }) {
  const random = mulberry32(seed * 7919 + target);
  const imports = new ImportSet();
  const fixtures = corsFree ? [] : fixturesFor(dialect);
  const baseImports = [
    parseImport(false, 'express, { Router }', 'express'),
    parseImport(false, '{ db as database, log as logger }', './services/platform.js'),
  ];
  if (dialect === 'ts')
    baseImports.push(
      parseImport(true, '{ Express, Request, Response, NextFunction }', 'express'),
      parseImport(true, '{ Database, Logger }', './services/platform.js'),
    );
  imports.add(baseImports);
  const blocks = [];
  let count = 0;
  let fixtureIndex = Math.floor(random() * Math.max(1, fixtures.length));
  let index = 0;
  // Reserve room for the imports (at most ~12 lines) and the filler.
  const budget = () => target - count - 16;
  while (true) {
    index++;
    let block;
    if (!corsFree && index % 3 === 1 && fixtures.length > 0) {
      let fixture;
      for (let tries = 0; tries < fixtures.length; tries++) {
        const candidate = fixtures[fixtureIndex++ % fixtures.length];
        if (imports.canAdd(candidate.imports)) {
          fixture = candidate;
          break;
        }
      }
      if (!fixture) throw new Error('no fixture fits the imports');
      block = fixtureBlock(fixture, index);
      if (block.length > budget()) break;
      imports.add(fixture.imports);
    } else {
      block = ordinaryBlock(random, index, dialect);
      if (block.length > budget()) break;
    }
    blocks.push(block);
    count += block.length;
  }
  const header = [
    `// Generated by bench/language-server/generate.mjs (${dialect}, ${target} lines, seed ${seed}${corsFree ? ', plain route code only' : ''}).`,
    ...imports.lines(dialect),
    `const app = express();`,
    `const db = database;`,
    `const log = logger;`,
    '',
  ];
  const out = [...header, ...blocks.flat()];
  // Land on the exact count with small routes, then blank-comment lines.
  let filler = 0;
  while (out.length + 7 <= target - 1) out.push(...fillerRoute(++filler + index * 100, dialect));
  while (out.length < target - 1) out.push('// end of routes');
  out.push(`export default app;`);
  if (out.length !== target) throw new Error(`generated ${out.length} lines, wanted ${target}`);
  const text = `${out.join('\n')}\n`;
  if (corsFree && CORS_WORDS.test(text))
    throw new Error(`the cors-free text contains ${CORS_WORDS.exec(text)[0]}`);
  return text;
}
