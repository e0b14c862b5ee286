/**
 * Text for the `add-preflight-handler` fix intent: the OPTIONS route, branch or export that answers
 * the CORS preflight with the same CORS settings as the code it sits next to. Called only from
 * `fixers.ts`; undefined wherever the code is not in a shape we can copy safely.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FixIntent } from 'cors-lint-core';
import { ACAM } from 'cors-lint-core';
import type { ExtractedPolicy } from './cors-context.js';
import { isFunctionNode, staticPrimitive } from './extract/values/resolve.js';
import type { HeaderWrite } from './extract/responses/response-headers.js';
import { exportedMethods } from './extract/routing/raw-handlers.js';

type Node = TSESTree.Node;
type FixFunction = TSESLint.ReportFixFunction;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Intent = Extract<FixIntent<Node>, { kind: 'add-preflight-handler' }>;

export function addPreflightHandler(
  intent: Intent,
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): FixFunction | undefined {
  switch (intent.framework) {
    case 'express':
      return intent.like
        ? optionsRouteBefore(
            intent.at,
            (app, path) => `${app}.options(${path}, ${sourceCode.getText(intent.like)});`,
            sourceCode,
          )
        : undefined;
    case 'fastify':
      // Fastify's `*` matches every path; the hook that sets the CORS headers runs for this route too.
      return optionsRouteBefore(
        intent.at,
        (app) => `${app}.options('*', (request, reply) => reply.code(204).send());`,
        sourceCode,
      );
    case 'node-http':
      return optionsBranch(intent.at, policy, sourceCode);
    case 'next':
      return optionsExport(policy, sourceCode);
  }
}

/** A new statement on the line above the route registration `at`, with its indentation. */
function optionsRouteBefore(
  at: Node,
  text: (app: string, path: string) => string,
  sourceCode: SourceCode,
): FixFunction | undefined {
  const statement = at.parent;
  if (
    at.type !== AST_NODE_TYPES.CallExpression ||
    statement?.type !== AST_NODE_TYPES.ExpressionStatement ||
    at.callee.type !== AST_NODE_TYPES.MemberExpression
  )
    return undefined;
  const [path] = at.arguments;
  if (!path) return undefined;
  const indent = ' '.repeat(statement.loc.start.column);
  const line = text(sourceCode.getText(at.callee.object), sourceCode.getText(path));
  return (fixer) => fixer.insertTextBefore(statement, `${line}\n${indent}`);
}

/** The handler's CORS header writes, each a whole statement with a constant value, or undefined. */
function copyableWrites(
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): readonly HeaderWrite[] | undefined {
  if (policy?.source.kind !== 'response-headers' || !('writes' in policy)) return undefined;
  const writes = policy.writes;
  const constant = writes.every(
    (write) => staticPrimitive(write.value, sourceCode.getScope(write.value)) !== undefined,
  );
  return constant && writes.some((write) => write.name === ACAM) ? writes : undefined;
}

/** `if (req.method === 'OPTIONS') { <the same header writes>; res.writeHead(204); res.end(); return; }` first in the handler. */
function optionsBranch(
  at: Node,
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): FixFunction | undefined {
  if (!isFunctionNode(at) || at.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const [req, res] = at.params;
  const first = at.body.body[0];
  const writes = copyableWrites(policy, sourceCode);
  if (
    req?.type !== AST_NODE_TYPES.Identifier ||
    res?.type !== AST_NODE_TYPES.Identifier ||
    !first ||
    !writes
  )
    return undefined;
  if (
    !writes.every(
      (write) =>
        write.at.type === AST_NODE_TYPES.CallExpression &&
        write.at.parent.type === AST_NODE_TYPES.ExpressionStatement,
    )
  )
    return undefined;
  const indent = ' '.repeat(first.loc.start.column);
  const inner = `${indent}  `;
  const lines = [
    `if (${req.name}.method === 'OPTIONS') {`,
    ...writes.map((write) => `${inner}${sourceCode.getText(write.at.parent)}`),
    `${inner}${res.name}.writeHead(204);`,
    `${inner}${res.name}.end();`,
    `${inner}return;`,
    `${indent}}`,
  ];
  return (fixer) => fixer.insertTextBefore(first, `${lines.join('\n')}\n${indent}`);
}

/** `export function OPTIONS() { return new Response(null, { status: 204, headers }) }` at the end of the module. */
function optionsExport(
  policy: ExtractedPolicy | undefined,
  sourceCode: SourceCode,
): FixFunction | undefined {
  if (policy?.source.kind !== 'response-headers' || !('writes' in policy)) return undefined;
  const headers = headersText(policy.writes, sourceCode);
  if (!headers) return undefined;
  const program = sourceCode.ast;
  const text = `\n\nexport function OPTIONS() {\n  return new Response(null, { status: 204, headers: ${headers} });\n}\n`;
  const last = program.body.at(-1);
  return last ? (fixer) => fixer.insertTextAfter(last, text.replace(/\n$/, '')) : undefined;
}

/**
 * The headers object to answer with: the module-level constant the CORS headers live in, or a new
 * literal of the constant header values; Allow-Methods is added from the exported methods when missing.
 */
function headersText(writes: readonly HeaderWrite[], sourceCode: SourceCode): string | undefined {
  const methods = exportedMethods(sourceCode.ast).filter((method) => method !== 'OPTIONS');
  const methodsEntry = writes.some((write) => write.name === ACAM)
    ? ''
    : `'${ACAM}': '${methods.join(', ')}'`;
  const object = writes[0]?.at.parent;
  const holder = object?.parent;
  if (
    object?.type === AST_NODE_TYPES.ObjectExpression &&
    holder?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.id.type === AST_NODE_TYPES.Identifier &&
    holder.parent.parent?.type === AST_NODE_TYPES.Program
  ) {
    return methodsEntry ? `{ ...${holder.id.name}, ${methodsEntry} }` : holder.id.name;
  }
  const entries: string[] = [];
  for (const write of writes) {
    const value = staticPrimitive(write.value, sourceCode.getScope(write.value));
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      return undefined;
    entries.push(`'${write.name}': ${JSON.stringify(String(value)).replace(/^"|"$/g, "'")}`);
  }
  if (methodsEntry) entries.push(methodsEntry);
  return `{ ${entries.join(', ')} }`;
}
