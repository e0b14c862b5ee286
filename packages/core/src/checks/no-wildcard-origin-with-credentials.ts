import type { Finding, RepairOptions } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials, settingHandle } from '../policy/cors-policy.js';
import { explicitOriginSuggestions } from './explicit-origin-suggestion.js';
import { middlewareCall } from './middleware-call.js';

/**
 * `Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`: the CORS check
 * fails for every credentialed request (Fetch §cors-check step 3 does not apply; step 4 compares `*`
 * with the origin). Fixes change who may read the response, so they are suggestions only. Removing
 * the credentials is none: it leaves `*`, which no-permissive-origin reports in turn. The repair
 * writes the app's origins (`options.appOrigins`), else a placeholder that stays reported.
 */
export function checkWildcardOriginWithCredentials<H>(
  policy: CorsPolicy<H>,
  options: RepairOptions = {},
): Finding<H>[] {
  const { origin } = policy;
  if (origin.kind !== 'wildcard' || !sendsCredentials(policy)) return [];
  const credentialsAt = settingHandle(policy.credentials);
  const suggestions = explicitOriginSuggestions(policy, origin.at, options, {
    list: 'useExplicitOrigin',
    fixed: 'useExplicitOrigin',
  });
  return [
    {
      messageId: 'wildcardWithCredentials',
      data: {
        defaultOrigin: origin.implicit ? ` (the default origin of ${middlewareCall(policy)})` : '',
      },
      // An implicit wildcard has no node of its own: point at the credentials that make it fail.
      at: origin.implicit ? (credentialsAt ?? origin.at) : origin.at,
      suggestions,
    },
  ];
}
