/**
 * The server side of a contract finding as text: core's `ServerFix` names a server file, the policy
 * written there and an intent with `SourceRef` handles; this reads the file's text again (the same
 * extraction the index ran), finds that policy and the nodes at those places, and lets the fixers
 * write the edit. ESLint edits only the linted file, so an editor applies the result (the language
 * server, as a `WorkspaceEdit`).
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FixIntent, ServerFix, SourceRef } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import type { TextEdit } from '../utils/fixers.js';
import { intentEdits } from '../utils/fixers.js';
import { serialisePolicy } from './facts/js.js';
import { withFileContext } from './parse-file.js';

type Node = TSESTree.Node;

export type { TextEdit } from '../utils/fixers.js';

const key = ({ line, column }: SourceRef): string => `${line}:${column}`;

/**
 * The edits of `fix` on `text`, the current text of the server file `root`/`fix.policy.file`;
 * undefined when the policy is no longer where the fix says, or the code is not in a shape the
 * fixers edit safely. The caller checks beforehand that `text` is the text the fix was computed
 * from (the facts' digest): positions of another text would point at other code.
 */
export function serverFixEdits(
  root: string,
  fix: ServerFix,
  text: string,
  parser?: unknown,
): TextEdit[] | undefined {
  const file = fix.policy.file;
  return withFileContext(path.join(root, file), text, root, parser, {}, (context) => {
    const model = getCorsContext(context);
    for (const policy of model.policies) {
      // The handles of this policy, by place, as the index serialised them.
      const nodes = new Map<string, Node>();
      const ref = (node: Node): SourceRef => {
        const at = { file, line: node.loc.start.line, column: node.loc.start.column };
        if (!nodes.has(key(at))) nodes.set(key(at), node);
        return at;
      };
      const serialised = serialisePolicy(policy, ref);
      if (key(serialised.at) !== key(fix.policy)) continue;
      // Route registrations are handles of the rules, not of the policy (an OPTIONS route goes beside one).
      const calls = new Map(
        model.registrations.all.map((registration) => [
          key({
            file,
            line: registration.call.loc.start.line,
            column: registration.call.loc.start.column,
          }),
          registration.call as Node,
        ]),
      );
      const node = (at: SourceRef): Node | undefined => nodes.get(key(at)) ?? calls.get(key(at));
      const intent = nodeIntent(fix.fix, node);
      return intent ? intentEdits(intent, policy, context.sourceCode) : undefined;
    }
    return undefined;
  });
}

/** The intent with nodes for handles; undefined when one of its places has no node any more. */
function nodeIntent(
  intent: FixIntent<SourceRef>,
  node: (at: SourceRef) => Node | undefined,
): FixIntent<Node> | undefined {
  const at = node(intent.at);
  if (!at) return undefined;
  switch (intent.kind) {
    case 'add-list-item':
    case 'add-list-setting':
    case 'add-setting':
    case 'replace-value':
      return { ...intent, at };
    case 'add-preflight-handler': {
      if (intent.like === undefined) return { ...intent, at, like: undefined };
      const like = node(intent.like);
      return like ? { ...intent, at, like } : undefined;
    }
    default:
      // Core proposes no other intent on a server file.
      return undefined;
  }
}
