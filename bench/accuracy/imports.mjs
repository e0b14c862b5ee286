// Does a snippet import the framework or CORS library it uses? Many peer-test snippets call
// `cors(…)` or `NestFactory.create(…)` with nothing in the file saying what `cors` is; real code
// always imports it. The "import-only" figure scores only the snippets that do.

/** Modules that provide a server, a CORS middleware or CORS options. */
const FRAMEWORK_MODULE =
  /^(?:(?:node:)?https?|(?:node:)?http2|cors|express|connect|restify|fastify|koa|hono|h3|next|socket\.io|apollo-server(?:-[\w-]+)?)(?:\/.*)?$|^@(?:nestjs|fastify|koa|hono|middy|apollo|tinyhttp)\//;

/**
 * Names under which those modules' entry points are imported. A call of one of these names that
 * nothing in the snippet declares (no import, require, variable, parameter or function) is a
 * library used without its import.
 */
const ENTRY_POINTS = new Set([
  'cors',
  'httpCors',
  'middy',
  'express',
  'fastify',
  'Koa',
  'Hono',
  'NestFactory',
  'FastifyAdapter',
  'ExpressAdapter',
  'Server',
  'ApolloServer',
  'startStandaloneServer',
  'createServer',
]);

/**
 * { class, modules, unbound } for one snippet:
 *   class 'imports'  it imports at least one framework module, and every entry point it calls is bound;
 *         'partial'  it imports one, but also calls an entry point it never binds (the Express suite's
 *                    `import 'express';` wrapper around `app.use(cors({…}))`);
 *         'none'     it imports no framework module (`cors({…})`, `app.enableCors(…)`, `res.setHeader(…)`);
 *         'unparsed' the parser rejects it (such a snippet is also unscored).
 *   modules  the framework modules it imports; unbound  the entry points it calls without binding them.
 */
export function importsWhatItUses(tsParser, text, filename) {
  const parsed = parse(tsParser, text, filename);
  if (!parsed) return { class: 'unparsed', modules: [], unbound: [] };
  const modules = [...new Set(importedModules(parsed))]
    .filter((name) => FRAMEWORK_MODULE.test(name))
    .sort();
  const unbound = [...new Set(unboundEntryPointCalls(parsed))].sort();
  const importClass = !modules.length ? 'none' : unbound.length ? 'partial' : 'imports';
  return { class: importClass, modules, unbound };
}

/** With scope analysis, as a module first and then as a script (the linter's order). */
function parse(tsParser, text, filename) {
  const jsx = /\.[jt]sx$/i.test(filename);
  for (const sourceType of ['module', 'script']) {
    try {
      const result = tsParser.parseForESLint(text, {
        sourceType,
        ecmaVersion: 'latest',
        range: true,
        loc: true,
        filePath: filename,
        ecmaFeatures: { jsx },
      });
      setParents(result.ast, null, result.visitorKeys);
      return result;
    } catch {
      // try the next source type
    }
  }
  return null;
}

/** The parser leaves `parent` to ESLint's traversal; we need it to see what a reference is used for. */
function setParents(node, parent, visitorKeys) {
  node.parent = parent;
  for (const key of visitorKeys[node.type] ?? []) {
    const child = node[key];
    for (const item of Array.isArray(child) ? child : [child])
      if (item && typeof item.type === 'string') setParents(item, node, visitorKeys);
  }
}

/** `import … from 'm'`, `import 'm'`, `import x = require('m')`, `require('m')`, `import('m')`. */
function importedModules({ ast, visitorKeys }) {
  const names = [];
  const literal = (node) =>
    node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
  const visit = (node) => {
    if (node.type === 'ImportDeclaration') names.push(node.source.value);
    else if (node.type === 'TSExternalModuleReference') names.push(literal(node.expression));
    else if (node.type === 'ImportExpression') names.push(literal(node.source));
    else if (
      node.type === 'CallExpression' &&
      node.callee.type === 'Identifier' &&
      node.callee.name === 'require'
    )
      names.push(literal(node.arguments[0]));
    for (const key of visitorKeys[node.type] ?? []) {
      const child = node[key];
      for (const item of Array.isArray(child) ? child : [child])
        if (item && typeof item.type === 'string') visit(item);
    }
  };
  visit(ast);
  return names.filter(Boolean);
}

/**
 * Entry-point names that are called or constructed — `cors(…)`, `new Koa()`, `NestFactory.create(…)` —
 * while no scope declares them (references the global scope passes through unresolved).
 */
function unboundEntryPointCalls({ scopeManager }) {
  const global = scopeManager.globalScope;
  const names = [];
  for (const reference of global.through) {
    const { name } = reference.identifier;
    if (!ENTRY_POINTS.has(name) || global.set.has(name)) continue;
    let callee = reference.identifier;
    while (callee.parent?.type === 'MemberExpression' && callee.parent.object === callee)
      callee = callee.parent;
    const use = callee.parent;
    if ((use?.type === 'CallExpression' || use?.type === 'NewExpression') && use.callee === callee)
      names.push(name);
  }
  return names;
}
