/**
 * Deterministic CORS-dense code for the scaling benchmark: one Express application file that grows
 * by whole sections, so a file of 20,000 lines has ten times the routes, header writes, CORS
 * set-ups and client requests of one of 2,000, in the same proportions.
 *
 * A section is one of several shapes, each with its own names (a resource and a section number):
 * a router with `cors(options)` and CRUD routes that set X-Total-Count, ETag, Vary, Link; a
 * hand-written CORS middleware with an allow-list, an OPTIONS branch and `Vary: Origin`; routes
 * that set Access-Control-* themselves; an explicit OPTIONS route next to the route it answers;
 * route-level `cors()` with an origin function (a regex test or a suffix check); browser code with
 * `fetch` and axios sending headers and reading response headers; and ordinary service code. Every
 * few sections a new app is created (an admin or a partner server next to the main one), as in a
 * file that bundles several small servers.
 *
 * `generateFile({ lines, dialect: 'js' | 'ts', seed })` returns the text, at least `lines` lines
 * (whole sections are never cut). The same inputs give byte-identical output.
 */

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
const ORIGINS = [
  'https://shop.example.com',
  'https://admin.example.com',
  'https://app.example.com',
  'https://partner.example.org',
  'http://localhost:5173',
];
const EXPOSED = ['X-Total-Count', 'ETag', 'Link', 'X-Request-Id', 'X-RateLimit-Remaining'];
const capitalize = (word) => word[0].toUpperCase() + word.slice(1);
const singular = (word) =>
  word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : word.endsWith('ses')
      ? word.slice(0, -2)
      : word.replace(/s$/, '');

/** Type annotations in the TypeScript variant, nothing in JavaScript. */
function typing(dialect) {
  const ts = dialect === 'ts';
  return {
    ts,
    handler: ts ? '(req: Request, res: Response)' : '(req, res)',
    middleware: ts ? '(req: Request, res: Response, next: NextFunction)' : '(req, res, next)',
    type: (annotation) => (ts ? `: ${annotation}` : ''),
    as: (annotation) => (ts ? ` as ${annotation}` : ''),
  };
}

function pick(random, list, count) {
  const copy = [...list];
  const chosen = [];
  while (chosen.length < count && copy.length > 0)
    chosen.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return chosen;
}

/** `express.Router()` with `cors(options)` and CRUD routes writing paging, caching and tracing headers. */
function corsRouterSection(random, n, resource, t, app) {
  const one = singular(resource);
  const Type = capitalize(one);
  const router = `${resource}Router${n}`;
  const options = `${resource}CorsOptions${n}`;
  const exposed = random() < 0.7 ? pick(random, EXPOSED, 2) : [];
  const origins = pick(random, ORIGINS, 2 + Math.floor(random() * 2));
  const lines = [
    `// ${capitalize(resource)} (section ${n}): listed front ends, cookies, paging headers.`,
    `const ${router} = express.Router();`,
    `const ${options} = {`,
    `  origin: [${origins.map((origin) => `'${origin}'`).join(', ')}],`,
    `  methods: ['GET', 'POST', 'PUT', 'DELETE'],`,
    `  allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],`,
    ...(exposed.length > 0
      ? [`  exposedHeaders: [${exposed.map((name) => `'${name}'`).join(', ')}],`]
      : []),
    `  credentials: true,`,
    `  maxAge: ${random() < 0.8 ? 600 : "'600'"},`,
    `};`,
    `${router}.use(cors(${options}));`,
    ``,
    `${router}.get('/', async ${t.middleware} => {`,
    `  try {`,
    `    const page = Number(req.query.page ?? 1);`,
    `    const limit = Math.min(Number(req.query.limit ?? PAGE_SIZE), 100);`,
    `    const { items, total } = await ${resource}Service${n}.list({ page, limit });`,
    `    res.set('X-Total-Count', String(total));`,
    `    res.setHeader('ETag', etagOf(items));`,
    `    if (page * limit < total) res.links({ next: \`/api/${resource}${n}?page=\${page + 1}\` });`,
    random() < 0.5 ? `    res.vary('Accept-Encoding');` : `    res.append('Vary', 'Accept');`,
    `    res.json(items);`,
    `  } catch (error) {`,
    `    next(error);`,
    `  }`,
    `});`,
    ``,
    `${router}.get('/:id', async ${t.middleware} => {`,
    `  const ${one} = await ${resource}Service${n}.find(req.params.id);`,
    `  if (!${one}) return res.status(404).json({ error: '${one} not found' });`,
    `  res.set({ 'Cache-Control': 'private, max-age=60', 'Last-Modified': new Date(${one}.updatedAt).toUTCString() });`,
    `  res.setHeader('X-Request-Id', String(req.headers['x-request-id'] ?? ''));`,
    `  return res.json(${one});`,
    `});`,
    ``,
    `${router}.post('/', validate${Type}${n}, async ${t.handler} => {`,
    `  const created = await ${resource}Service${n}.create(req.body${t.as(Type)});`,
    `  res.status(201).set('Location', \`/api/${resource}${n}/\${created.id}\`);`,
    `  res.json(created);`,
    `});`,
    ``,
    `${router}.put('/:id', validate${Type}${n}, async ${t.handler} => {`,
    `  const updated = await ${resource}Service${n}.update(req.params.id, req.body);`,
    `  res.setHeader('ETag', etagOf(updated));`,
    `  res.json(updated);`,
    `});`,
    ``,
    `${router}.delete('/:id', async ${t.handler} => {`,
    `  await ${resource}Service${n}.remove(req.params.id);`,
    `  res.sendStatus(204);`,
    `});`,
    // PATCH is not among the methods cors() allows: browsers refuse it after the preflight.
    ...(random() < 0.3
      ? [
          `${router}.patch('/:id/status', async ${t.handler} => {`,
          `  res.json(await ${resource}Service${n}.update(req.params.id, { status: req.body.status }));`,
          `});`,
        ]
      : []),
    `${app}.use('/api/${resource}${n}', ${router});`,
  ];
  return [...serviceBlock(random, n, resource, t), ...lines];
}

/** A hand-written CORS middleware: allow-list, credentials, an OPTIONS branch, sometimes no Vary. */
function handWrittenCorsSection(random, n, resource, t, app) {
  const allowed = `ALLOWED_ORIGINS_${n}`;
  const middleware = `partnerCors${n}`;
  const router = `partner${capitalize(resource)}Router${n}`;
  const exposeLine =
    random() < 0.6
      ? [`    res.setHeader('Access-Control-Expose-Headers', 'X-RateLimit-Remaining');`]
      : [];
  const varyLine = random() < 0.7 ? [`  res.vary('Origin');`] : [];
  return [
    `// Partner feed for ${resource} (section ${n}): a hand-written CORS middleware.`,
    `const ${allowed} = new Set([${pick(random, ORIGINS, 3)
      .map((origin) => `'${origin}'`)
      .join(', ')}]);`,
    `function ${middleware}${t.middleware} {`,
    `  const origin = req.headers.origin;`,
    `  if (origin && ${allowed}.has(origin)) {`,
    `    res.setHeader('Access-Control-Allow-Origin', origin);`,
    `    res.setHeader('Access-Control-Allow-Credentials', 'true');`,
    ...exposeLine,
    `  }`,
    ...varyLine,
    `  if (req.method === 'OPTIONS') {`,
    `    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH');`,
    `    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-Api-Key');`,
    `    res.setHeader('Access-Control-Max-Age', '600');`,
    `    res.sendStatus(204);`,
    `    return;`,
    `  }`,
    `  next();`,
    `}`,
    `const ${router} = express.Router();`,
    `${router}.use(${middleware});`,
    `${router}.get('/feed', async ${t.handler} => {`,
    `  const feed = await loadFeed('${resource}', Number(req.query.since ?? 0));`,
    `  res.set('X-RateLimit-Remaining', String(feed.remaining));`,
    `  res.set('Cache-Control', 'no-store');`,
    `  res.json(feed.items);`,
    `});`,
    `${router}.patch('/feed/:id', async ${t.handler} => {`,
    `  const item = await patchFeedItem('${resource}', req.params.id, req.body);`,
    `  res.setHeader('X-Request-Id', String(item.revision));`,
    `  res.json(item);`,
    `});`,
    `${app}.use('/partners/${resource}${n}', ${router});`,
  ];
}

/** Public routes that set Access-Control-* on their own response, one with an object of headers. */
function handSetRoutesSection(random, n, resource, t, app) {
  const withVary = random() < 0.5;
  return [
    `// Public ${resource} status (section ${n}): headers set route by route.`,
    `${app}.get('/public/${resource}${n}/status', ${t.handler} => {`,
    `  res.set('Access-Control-Allow-Origin', '*');`,
    `  res.set('Cache-Control', 'public, max-age=30');`,
    `  res.json({ ok: true, resource: '${resource}', at: Date.now() });`,
    `});`,
    `${app}.get('/embed/${resource}${n}', ${t.handler} => {`,
    `  const origin = req.get('Origin');`,
    `  const trusted = typeof origin === 'string' && /^https:\\/\\/[a-z0-9-]+\\.example\\.com$/.test(origin);`,
    `  res.set({`,
    `    'Access-Control-Allow-Origin': trusted ? origin : 'https://www.example.com',`,
    `    'Access-Control-Expose-Headers': 'ETag',`,
    `    ETag: etagOf(req.query),`,
    ...(withVary ? [`    Vary: 'Origin',`] : []),
    `  });`,
    `  res.json({ widget: '${resource}' });`,
    `});`,
  ];
}

/** An explicit OPTIONS route for an upload endpoint, and the route it answers for; route-level cors() for settings. */
function optionsRouteSection(random, n, resource, t, app) {
  const headers = random() < 0.5 ? 'Content-Type, Authorization' : 'Content-Type, X-Upload-Token';
  const settingsCors = `settingsCors${n}`;
  // Route-level cors() never sees the preflight unless an OPTIONS route runs it too; sometimes it is missing.
  const preflightRoute =
    random() < 0.7 ? [`${app}.options('/settings/${resource}${n}', ${settingsCors});`] : [];
  return [
    `const ${settingsCors} = cors({ origin: 'https://app.example.com', allowedHeaders: ['Content-Type', 'X-Settings-Token'] });`,
    ...preflightRoute,
    `${app}.put('/settings/${resource}${n}', ${settingsCors}, express.json(), async ${t.handler} => {`,
    `  const settings = await saveTenantRecord('settings', '${resource}', req.body);`,
    `  res.json(settings);`,
    `});`,
    `// Uploads of ${resource} (section ${n}): the preflight is answered by hand.`,
    `const UPLOAD_ORIGIN_${n} = 'https://upload.example.com';`,
    `${app}.options('/uploads/${resource}${n}', ${t.handler} => {`,
    `  res.setHeader('Access-Control-Allow-Origin', UPLOAD_ORIGIN_${n});`,
    `  res.setHeader('Access-Control-Allow-Methods', 'PUT, POST');`,
    `  res.setHeader('Access-Control-Allow-Headers', '${headers}');`,
    `  res.setHeader('Access-Control-Max-Age', '86400');`,
    `  res.sendStatus(204);`,
    `});`,
    `${app}.put('/uploads/${resource}${n}', async ${t.handler} => {`,
    `  const stored = await storeUpload('${resource}', req);`,
    `  res.setHeader('Access-Control-Allow-Origin', UPLOAD_ORIGIN_${n});`,
    `  res.setHeader('X-Upload-Id', stored.id);`,
    `  res.status(201).json(stored);`,
    `});`,
  ];
}

/** Route-level cors() with an origin function: a regex test, or a suffix check. */
function originFunctionSection(random, n, resource, t, app) {
  const roll = random();
  // A suffix check without the leading dot also lets `evilexample.com` in.
  const check =
    roll < 0.6
      ? `/^https:\\/\\/[a-z0-9-]+\\.tenants\\.example\\.com$/.test(origin)`
      : roll < 0.85
        ? `origin.endsWith('.example.com')`
        : `origin.endsWith('example.com')`;
  const corsName = `tenantCors${n}`;
  return [
    `// Tenant ${resource} (section ${n}): every tenant has a subdomain.`,
    `const ${corsName} = cors({`,
    `  origin(origin${t.type('string | undefined')}, callback${t.type('(error: Error | null, allow?: boolean) => void')}) {`,
    `    if (!origin || ${check}) return callback(null, true);`,
    `    return callback(new Error(\`origin \${origin} is not a tenant\`));`,
    `  },`,
    `  credentials: true,`,
    `});`,
    `${app}.options('/tenants/:tenant/${resource}${n}', ${corsName});`,
    `${app}.post('/tenants/:tenant/${resource}${n}', ${corsName}, express.json(), async ${t.handler} => {`,
    `  const record = await saveTenantRecord(req.params.tenant, '${resource}', req.body);`,
    `  res.set('X-Request-Id', record.requestId);`,
    `  res.status(201).json(record);`,
    `});`,
    `${app}.get('/tenants/:tenant/${resource}${n}', ${corsName}, async ${t.handler} => {`,
    `  const records = await listTenantRecords(req.params.tenant, '${resource}');`,
    `  res.set('X-Total-Count', String(records.length));`,
    `  res.json(records);`,
    `});`,
  ];
}

/** Browser code: fetch with headers and response reads, a Request object, an axios instance. */
function clientSection(random, n, resource, t) {
  const one = singular(resource);
  const Type = capitalize(one);
  const contentType =
    random() < 0.5 ? `'Content-Type': 'application/json'` : `'Content-Type': 'text/plain'`;
  return [
    `// Browser client for ${resource} (section ${n}).`,
    `async function fetch${capitalize(resource)}${n}(page${t.type('number')}, token${t.type('string')})${t.type(`Promise<{ items: ${Type}[]; total: number }>`)} {`,
    `  const response = await fetch(\`\${API_BASE}/api/${resource}${n}?page=\${page}\`, {`,
    `    headers: { Authorization: \`Bearer \${token}\`, Accept: 'application/json' },`,
    `    credentials: 'include',`,
    `  });`,
    `  if (!response.ok) throw new Error(\`${resource}: \${response.status}\`);`,
    `  const total = Number(response.headers.get('X-Total-Count'));`,
    `  return { items: await response.json(), total };`,
    `}`,
    `async function save${Type}${n}(${one}${t.type(Type)}) {`,
    `  const response = await fetch(\`\${API_BASE}/api/${resource}${n}\`, {`,
    `    method: 'POST',`,
    `    headers: { ${contentType}, 'X-Requested-With': 'XMLHttpRequest' },`,
    `    body: JSON.stringify(${one}),`,
    `  });`,
    `  return response.json();`,
    `}`,
    `function ping${Type}${n}() {`,
    `  return fetch(new Request(\`\${API_BASE}/public/${resource}${n}/status\`, { mode: '${random() < 0.3 ? 'no-cors' : 'cors'}' })).then((response) => response.status);`,
    `}`,
    `const ${resource}Client${n} = axios.create({ baseURL: \`\${API_BASE}/api/${resource}${n}\`, headers: { 'X-Client-Version': '2.3.1' } });`,
    `const load${Type}${n} = (id${t.type('string')}) => ${resource}Client${n}.get(\`/\${id}\`).then(({ data, headers }) => ({ ...data, etag: headers.etag }));`,
  ];
}

/** Ordinary service and validation code for a resource (no CORS words). */
function serviceBlock(random, n, resource, t) {
  const one = singular(resource);
  const Type = capitalize(one);
  const fields = pick(
    random,
    [
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
    ],
    3,
  );
  const store = `${resource}Store${n}`;
  return [
    ...(t.ts
      ? [
          `interface ${Type} {`,
          `  id: string;`,
          ...fields.map((field) => `  ${field}: string;`),
          `  updatedAt: number;`,
          `}`,
        ]
      : []),
    `const ${store} = new Map${t.ts ? `<string, ${Type}>` : ''}();`,
    `const ${resource}Service${n} = {`,
    `  async list({ page, limit }${t.type('{ page: number; limit: number }')}) {`,
    `    const items = [...${store}.values()].sort((a, b) => b.updatedAt - a.updatedAt);`,
    `    return { items: items.slice((page - 1) * limit, page * limit), total: items.length };`,
    `  },`,
    `  async find(id${t.type('string')}) {`,
    `    return ${store}.get(id) ?? null;`,
    `  },`,
    `  async create(input${t.type(`Omit<${Type}, 'id' | 'updatedAt'>`)}) {`,
    `    const ${one} = { ...input, id: nextId('${one}'), updatedAt: Date.now() };`,
    `    ${store}.set(${one}.id, ${one});`,
    `    return ${one};`,
    `  },`,
    `  async update(id${t.type('string')}, patch${t.type(`Partial<${Type}>`)}) {`,
    `    const current = ${store}.get(id);`,
    `    if (!current) throw new NotFoundError('${one}', id);`,
    `    const updated = { ...current, ...patch, id, updatedAt: Date.now() };`,
    `    ${store}.set(id, updated);`,
    `    return updated;`,
    `  },`,
    `  async remove(id${t.type('string')}) {`,
    `    ${store}.delete(id);`,
    `  },`,
    `};`,
    `function validate${Type}${n}${t.middleware} {`,
    `  const body = req.body ?? {};`,
    `  const missing = [${fields.map((field) => `'${field}'`).join(', ')}].filter((field) => body[field] === undefined || body[field] === '');`,
    `  if (missing.length > 0) return res.status(422).json({ error: 'missing fields', fields: missing });`,
    `  next();`,
    `}`,
    ``,
  ];
}

const SECTIONS = [
  [corsRouterSection, 3],
  [handWrittenCorsSection, 2],
  [handSetRoutesSection, 2],
  [optionsRouteSection, 1],
  [originFunctionSection, 2],
  [clientSection, 3],
];
const TOTAL_WEIGHT = SECTIONS.reduce((sum, [, weight]) => sum + weight, 0);
/** A new app (another small server in the same file) every this many sections. */
const SECTIONS_PER_APP = 12;

function chooseSection(random) {
  let roll = random() * TOTAL_WEIGHT;
  for (const [section, weight] of SECTIONS) {
    roll -= weight;
    if (roll < 0) return section;
  }
  return SECTIONS[0][0];
}

function prelude(t) {
  return [
    `import express from 'express';`,
    `import cors from 'cors';`,
    `import axios from 'axios';`,
    ...(t.ts ? [`import type { NextFunction, Request, Response } from 'express';`] : []),
    ``,
    `const PAGE_SIZE = 25;`,
    `const API_BASE = 'https://api.example.com';`,
    `let lastId = 0;`,
    `const nextId = (prefix${t.type('string')}) => \`\${prefix}_\${(++lastId).toString(36)}\`;`,
    `const etagOf = (value${t.type('unknown')}) => \`W/"\${JSON.stringify(value).length.toString(16)}"\`;`,
    `class NotFoundError extends Error {`,
    `  constructor(kind${t.type('string')}, id${t.type('string')}) {`,
    `    super(\`\${kind} \${id} not found\`);`,
    `  }`,
    `}`,
    `async function loadFeed(kind${t.type('string')}, since${t.type('number')}) {`,
    `  return { items: [{ kind, since }], remaining: 100 };`,
    `}`,
    `async function patchFeedItem(kind${t.type('string')}, id${t.type('string')}, patch${t.type('unknown')}) {`,
    `  return { kind, id, patch, revision: Date.now() };`,
    `}`,
    `async function storeUpload(kind${t.type('string')}, req${t.type('Request')}) {`,
    `  return { id: nextId(kind), size: Number(req.headers['content-length'] ?? 0) };`,
    `}`,
    `async function saveTenantRecord(tenant${t.type('string')}, kind${t.type('string')}, body${t.type('unknown')}) {`,
    `  return { tenant, kind, body, requestId: nextId('req') };`,
    `}`,
    `async function listTenantRecords(tenant${t.type('string')}, kind${t.type('string')}) {`,
    `  return [{ tenant, kind }];`,
    `}`,
    ``,
  ];
}

function newApp(index) {
  const app = index === 0 ? 'app' : `server${index}`;
  return { app, lines: [`const ${app} = express();`, `${app}.use(express.json());`, ``] };
}

function closeApp(app, t, port) {
  return [
    `${app}.use((error${t.type('Error')}, req${t.type('Request')}, res${t.type('Response')}, next${t.type('NextFunction')}) => {`,
    `  res.status(error instanceof NotFoundError ? 404 : 500).json({ error: error.message });`,
    `});`,
    `${app}.listen(${port});`,
    ``,
  ];
}

export function generateFile({ lines: target, dialect = 'js', seed = 1 }) {
  const random = mulberry32(seed);
  const t = typing(dialect);
  const out = prelude(t);
  let appIndex = 0;
  let { app, lines } = newApp(appIndex);
  out.push(...lines);
  let section = 0;
  // Room for closing the last app.
  while (out.length + 5 < target) {
    if (section > 0 && section % SECTIONS_PER_APP === 0) {
      out.push(...closeApp(app, t, 3000 + appIndex));
      ({ app, lines } = newApp(++appIndex));
      out.push(...lines);
    }
    const resource = RESOURCES[Math.floor(random() * RESOURCES.length)];
    out.push(...chooseSection(random)(random, section, resource, t, app), ``);
    section++;
  }
  out.push(...closeApp(app, t, 3000 + appIndex));
  return `${out.join('\n')}\n`;
}
