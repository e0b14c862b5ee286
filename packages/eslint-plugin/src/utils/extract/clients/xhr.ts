/**
 * XMLHttpRequest: `const xhr = new XMLHttpRequest()`, then on that binding `open(method, url)`,
 * `setRequestHeader(name, value)`, `withCredentials = …`, upload listeners and `send(body)`.
 * One request per `open()` call. A binding that leaves our sight (passed to a function, stored,
 * reassigned) may get more headers elsewhere: its requests are marked incomplete.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ClientRequest, RequestBodyKind, RequestHeaderWrite, Setting } from 'cors-lint-core';
import { fetchBodyKind, isGlobal, memberName, readUrl } from './request-parts.js';
import { staticPrimitive, staticString } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import { withCredentialsFlag } from './library-defaults.js';
import { findVariable } from '../values/find-variable.js';

type Node = TSESTree.Node;

/** What the code does with one XMLHttpRequest object, in source order. */
interface XhrUses {
  readonly opens: TSESTree.CallExpression[];
  readonly headerCalls: TSESTree.CallExpression[];
  readonly sends: TSESTree.CallExpression[];
  readonly credentialAssignments: TSESTree.AssignmentExpression[];
  /** `xhr.upload.onprogress = f`, `xhr.upload.addEventListener('progress', f)`. */
  readonly uploadListeners: Node[];
  escapes: boolean;
}

/** Members that act on the request only when called on the spot; anything else done with them may act elsewhere. */
const REQUEST_METHODS: ReadonlySet<string> = new Set(['open', 'setRequestHeader', 'send']);

export function findXhrRequests(
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  scopeOf: ScopeOf,
  text: string,
): ClientRequest<Node>[] {
  if (!text.includes('XMLHttpRequest')) return [];
  return calls.flatMap((call) => {
    if (
      call.type !== AST_NODE_TYPES.NewExpression ||
      !isGlobal(call.callee, 'XMLHttpRequest', scopeOf(call))
    )
      return [];
    const uses = usesOf(call, scopeOf);
    return uses ? requestsOf(uses, scopeOf) : [];
  });
}

/** The uses of the variable the new object is stored in; undefined when it is not stored in one. */
function usesOf(construction: TSESTree.NewExpression, scopeOf: ScopeOf): XhrUses | undefined {
  const declarator = construction.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== construction ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const variable = findVariable(scopeOf(declarator.id), declarator.id);
  if (!variable) return undefined;
  const uses: XhrUses = {
    opens: [],
    headerCalls: [],
    sends: [],
    credentialAssignments: [],
    uploadListeners: [],
    escapes: false,
  };
  for (const reference of variable.references) {
    if (reference.init) continue;
    // Another object assigned to the same name: its uses mix with ours.
    if (reference.isWrite()) uses.escapes = true;
    else addUse(reference.identifier as TSESTree.Identifier, uses, scopeOf);
  }
  return uses;
}

function addUse(identifier: TSESTree.Identifier, uses: XhrUses, scopeOf: ScopeOf): void {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) {
    uses.escapes = true;
    return;
  }
  const name = memberName(member);
  const call =
    member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member
      ? member.parent
      : undefined;
  if (name !== undefined && REQUEST_METHODS.has(name)) {
    if (!call) uses.escapes = true;
    else if (name === 'open') uses.opens.push(call);
    else if (name === 'setRequestHeader') uses.headerCalls.push(call);
    else uses.sends.push(call);
    return;
  }
  if (name === 'withCredentials') {
    const assignment = assignmentTo(member);
    if (assignment) uses.credentialAssignments.push(assignment);
    return;
  }
  if (name === 'upload') addUploadUses(member, uses, scopeOf);
}

/** `xhr.upload` itself, or each use of a variable it is stored in (`const upload = xhr.upload`). */
function addUploadUses(upload: TSESTree.MemberExpression, uses: XhrUses, scopeOf: ScopeOf): void {
  const declarator = upload.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== upload ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  ) {
    addUploadUse(upload, uses);
    return;
  }
  const variable = findVariable(scopeOf(declarator.id), declarator.id);
  for (const reference of variable?.references ?? [])
    if (!reference.init && !reference.isWrite())
      addUploadUse(reference.identifier as TSESTree.Identifier, uses);
}

/** Any listener on `xhr.upload` sets the upload listener flag, whatever the event (XHR §send). */
function addUploadUse(
  upload: TSESTree.MemberExpression | TSESTree.Identifier,
  uses: XhrUses,
): void {
  const member = upload.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== upload) return;
  const name = memberName(member);
  if (
    name === 'addEventListener' &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  ) {
    uses.uploadListeners.push(member.parent);
    return;
  }
  const assignment = name?.startsWith('on') ? assignmentTo(member) : undefined;
  // Setting an event handler attribute to null registers nothing.
  if (
    assignment &&
    !(assignment.right.type === AST_NODE_TYPES.Literal && assignment.right.value === null)
  )
    uses.uploadListeners.push(assignment);
}

function assignmentTo(
  member: TSESTree.MemberExpression,
): TSESTree.AssignmentExpression | undefined {
  const parent = member.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.left === member &&
    parent.operator === '='
    ? parent
    : undefined;
}

/**
 * One request per `open()`. With several, each takes the header and send calls written between it
 * and the next; `withCredentials` and upload listeners stay on the object across `open()` calls.
 */
function requestsOf(uses: XhrUses, scopeOf: ScopeOf): ClientRequest<Node>[] {
  const opens = [...uses.opens].sort((a, b) => a.range[0] - b.range[0]);
  return opens.map((open, index) => {
    const next = opens[index + 1];
    const inTurn = (call: Node) =>
      opens.length === 1 ||
      (call.range[0] > open.range[0] && (!next || call.range[0] < next.range[0]));
    const headers = readHeaderCalls(uses.headerCalls.filter(inTurn), scopeOf);
    const send = uses.sends.find(inTurn);
    const [methodNode, urlNode] = open.arguments;
    const credentials = uses.credentialAssignments.at(-1);
    return {
      at: open,
      client: 'xhr',
      url: readUrl(urlNode, scopeOf(open)),
      method: readMethod(methodNode, open, scopeOf),
      mode: { kind: 'absent' },
      credentials: credentials
        ? withCredentialsFlag(staticPrimitive(credentials.right, scopeOf(credentials)), credentials)
        : uses.escapes
          ? { kind: 'unknown', at: open }
          : { kind: 'absent' },
      headers: { writes: headers.writes, complete: headers.complete && !uses.escapes },
      body: send ? readSendBody(send, scopeOf) : { kind: uses.escapes ? 'unknown' : 'none' },
      uploadListeners: uses.uploadListeners,
      responseReads: [],
    } satisfies ClientRequest<Node>;
  });
}

function readMethod(
  node: Node | undefined,
  open: TSESTree.CallExpression,
  scopeOf: ScopeOf,
): Setting<string, Node> {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return { kind: 'unknown', at: open };
  const value = staticString(node, scopeOf(node));
  return value === undefined ? { kind: 'unknown', at: node } : { kind: 'known', value, at: node };
}

/** `setRequestHeader(name, value)` calls, each a write whose removal removes the call's statement. */
function readHeaderCalls(
  calls: readonly TSESTree.CallExpression[],
  scopeOf: ScopeOf,
): { writes: RequestHeaderWrite<Node>[]; complete: boolean } {
  const writes: RequestHeaderWrite<Node>[] = [];
  let complete = true;
  for (const call of calls) {
    const [nameNode, valueNode] = call.arguments;
    const name = nameNode ? staticString(nameNode, scopeOf(nameNode)) : undefined;
    if (name === undefined) {
      complete = false;
      continue;
    }
    const value = valueNode ? staticPrimitive(valueNode, scopeOf(valueNode)) : undefined;
    // XHR converts the value to a string (WebIDL ByteString).
    writes.push({ name, value: value === undefined ? undefined : String(value), at: call });
  }
  return { writes, complete };
}

/** `send()`, `send(null)` send no body; XHR, like fetch, turns a plain object into "[object Object]". */
function readSendBody(
  send: TSESTree.CallExpression,
  scopeOf: ScopeOf,
): ClientRequest<Node>['body'] {
  const [argument] = send.arguments;
  if (
    !argument ||
    (argument.type === AST_NODE_TYPES.Literal && argument.value === null) ||
    (argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined')
  )
    return { kind: 'none' };
  const kind: RequestBodyKind =
    argument.type === AST_NODE_TYPES.SpreadElement
      ? 'unknown'
      : fetchBodyKind(argument, scopeOf(argument));
  return { kind, at: argument };
}
