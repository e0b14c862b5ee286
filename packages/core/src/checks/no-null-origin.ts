import type { Finding, RepairOptions } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { explicitOriginSuggestions } from './explicit-origin-suggestion.js';

/**
 * Allowing the origin `null`: opaque origins (sandboxed iframes, data:/file: documents, redirect-tainted
 * requests) all serialize as `null` (Fetch §origin-header), so an attacker can always produce it.
 * A lone `null` is replaced by the app's origins (`options.appOrigins`), else a placeholder that stays reported.
 */
export function checkNullOrigin<H>(
  policy: CorsPolicy<H>,
  options: RepairOptions = {},
): Finding<H>[] {
  const { origin } = policy;
  if (origin.kind === 'fixed' && origin.value.trim() === 'null') {
    const suggestions = explicitOriginSuggestions(policy, origin.at, options, {
      list: 'useExplicitOrigin',
      fixed: 'useExplicitOrigin',
    });
    return [{ messageId: 'nullOrigin', data: {}, at: origin.at, suggestions }];
  }
  if (origin.kind !== 'allow-list') return [];
  return origin.entries
    .filter((entry) => entry.kind === 'exact' && entry.value.trim() === 'null')
    .map((entry) => ({
      messageId: 'nullOrigin',
      data: {},
      at: entry.at,
      suggestions: [
        { messageId: 'removeNullEntry', fix: { kind: 'remove', at: entry.at } as const },
      ],
    }));
}
