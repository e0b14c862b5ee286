import type { Finding, Suggestion } from '../findings.js';
import { PLACEHOLDER_ORIGIN } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials, settingHandle } from '../policy/cors-policy.js';
import { middlewareCall } from './middleware-call.js';

/**
 * `Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`: the CORS check
 * fails for every credentialed request (Fetch §cors-check step 3 does not apply; step 4 compares `*`
 * with the origin). Fixes change who may read the response, so they are suggestions only. Removing
 * the credentials is none: it leaves `*`, which no-permissive-origin reports in turn.
 */
export function checkWildcardOriginWithCredentials<H>(policy: CorsPolicy<H>): Finding<H>[] {
  const { origin } = policy;
  if (origin.kind !== 'wildcard' || !sendsCredentials(policy)) return [];
  const credentialsAt = settingHandle(policy.credentials);
  const suggestions: Suggestion<H>[] = [
    policy.source.kind === 'middleware'
      ? { messageId: 'useExplicitOrigin', data: { origin: PLACEHOLDER_ORIGIN }, fix: { kind: 'set-origins', at: origin.at, entries: [{ kind: 'exact', value: PLACEHOLDER_ORIGIN }] } }
      : { messageId: 'useExplicitOrigin', data: { origin: PLACEHOLDER_ORIGIN }, fix: { kind: 'replace-value', at: origin.at, value: PLACEHOLDER_ORIGIN } },
  ];
  return [
    {
      messageId: 'wildcardWithCredentials',
      data: { defaultOrigin: origin.implicit ? ` (the default origin of ${middlewareCall(policy)})` : '' },
      // An implicit wildcard has no node of its own: point at the credentials that make it fail.
      at: origin.implicit ? (credentialsAt ?? origin.at) : origin.at,
      suggestions,
    },
  ];
}
