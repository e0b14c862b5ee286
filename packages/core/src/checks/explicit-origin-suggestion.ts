import type { Suggestion } from '../findings.js';
import { PLACEHOLDER_ORIGIN } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';

/**
 * The suggestion that replaces an approve-everything origin with the app's own (a placeholder):
 * a list for middleware whose `origin` option takes one, one fixed value for hand-set headers and for
 * libraries whose option takes a single string (`@koa/cors`).
 */
export function explicitOriginSuggestion<H>(policy: CorsPolicy<H>, at: H): Suggestion<H> {
  const data = { origin: PLACEHOLDER_ORIGIN };
  if (policy.source.kind !== 'middleware') return { messageId: 'useFixedOrigin', data, fix: { kind: 'replace-value', at, value: PLACEHOLDER_ORIGIN } };
  const fix = { kind: 'set-origins', at, entries: [{ kind: 'exact', value: PLACEHOLDER_ORIGIN }] } as const;
  return { messageId: policy.source.singleOrigin === true ? 'useFixedOrigin' : 'useAllowList', data, fix };
}
