import type { Finding } from '../findings.js';
import { PLACEHOLDER_ORIGIN } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';

/**
 * Allowing the origin `null`: opaque origins (sandboxed iframes, data:/file: documents, redirect-tainted
 * requests) all serialize as `null` (Fetch §origin-header), so an attacker can always produce it.
 */
export function checkNullOrigin<H>(policy: CorsPolicy<H>): Finding<H>[] {
  const { origin } = policy;
  if (origin.kind === 'fixed' && origin.value.trim() === 'null') {
    const fix =
      policy.source.kind === 'middleware'
        ? ({ kind: 'set-origins', at: origin.at, entries: [{ kind: 'exact', value: PLACEHOLDER_ORIGIN }] } as const)
        : ({ kind: 'replace-value', at: origin.at, value: PLACEHOLDER_ORIGIN } as const);
    return [{ messageId: 'nullOrigin', data: {}, at: origin.at, suggestions: [{ messageId: 'useExplicitOrigin', data: { origin: PLACEHOLDER_ORIGIN }, fix }] }];
  }
  if (origin.kind !== 'allow-list') return [];
  return origin.entries
    .filter((entry) => entry.kind === 'exact' && entry.value.trim() === 'null')
    .map((entry) => ({
      messageId: 'nullOrigin',
      data: {},
      at: entry.at,
      suggestions: [{ messageId: 'removeNullEntry', fix: { kind: 'remove', at: entry.at } as const }],
    }));
}
