/**
 * What the shared rules need besides a policy, read from the nginx model: the `Vary` lines a response
 * gets, the Access-Control-Allow-Origin lines in the order nginx sends them, and the origin patterns
 * of `map` keys and `if` conditions.
 */
import type {
  AllowOriginSequence,
  AllowOriginWrite,
  NginxHeaderWrite,
  VaryContext,
  VaryWrite,
} from 'cors-lint-core';
import { ACAO, effectiveAddHeaders, effectiveMoreSetHeaders, writesOf } from 'cors-lint-core';
import type { NginxNode } from '../../../languages/nginx/ast.js';
import type { NginxFileModel, NginxPolicy } from './model.js';
import { testsPreflight, valueHandle } from './model.js';

/** The `Vary` lines the policy's response gets: nginx adds none itself (§C5), and each add_header adds a line. */
export function nginxVaryContext(policy: NginxPolicy): VaryContext<NginxNode> {
  const writes = [
    ...effectiveAddHeaders(policy.level).writes,
    ...effectiveMoreSetHeaders(policy.level),
  ];
  const sameResponse = writesOf(writes, 'Vary').map((write): VaryWrite<NginxNode> => ({
    at: write.at,
    mode: write.module === 'add_header' ? 'append' : 'set',
    value:
      write.value === undefined
        ? undefined
        : { pieces: [{ text: write.value, at: valueHandle(write) }], complete: true },
  }));
  return { sameResponse, later: [], varyOriginElsewhere: false };
}

/** An `if` answering the preflight only: its response is never stored by a cache, so it needs no Vary. */
export function answersPreflightOnly(policy: NginxPolicy): boolean {
  return policy.level.kind === 'if' && testsPreflight(policy.level);
}

/**
 * Every Access-Control-Allow-Origin line of each response, in the order nginx sends them: each
 * `add_header` adds a line; `more_set_headers` replaces them all.
 */
export function nginxAllowOriginSequences(
  model: NginxFileModel,
): { sequence: AllowOriginSequence<NginxNode>; policy: NginxPolicy }[] {
  const result: { sequence: AllowOriginSequence<NginxNode>; policy: NginxPolicy }[] = [];
  for (const policy of model.policies) {
    const lines = [
      ...writesOf(effectiveAddHeaders(policy.level).writes, ACAO),
      ...writesOf(effectiveMoreSetHeaders(policy.level), ACAO),
    ].map(asWrite);
    lines.forEach((write, index) =>
      result.push({ sequence: { before: lines.slice(0, index), write }, policy }),
    );
  }
  return result;
}

function asWrite(write: NginxHeaderWrite<NginxNode>): AllowOriginWrite<NginxNode> {
  return {
    kind: write.module === 'add_header' ? 'append' : 'replace',
    label: write.module,
    line: write.line,
    ...(write.value === undefined ? {} : { value: write.value }),
    transport: 'node',
    at: write.at,
  };
}

/** The regex allow-list entries of the file's policies (`map` keys, `if ($http_origin ~ …)` operands), once each. */
export function nginxOriginPatterns(
  model: NginxFileModel,
): { source: string; flags: string; at: NginxNode }[] {
  const seen = new Set<NginxNode>();
  const patterns: { source: string; flags: string; at: NginxNode }[] = [];
  for (const policy of model.policies) {
    if (policy.origin.kind !== 'allow-list') continue;
    for (const entry of policy.origin.entries) {
      if (entry.kind !== 'pattern' || entry.matchesEveryOriginOf || seen.has(entry.at)) continue;
      seen.add(entry.at);
      patterns.push({ source: entry.source, flags: entry.flags, at: entry.at });
    }
  }
  return patterns;
}
