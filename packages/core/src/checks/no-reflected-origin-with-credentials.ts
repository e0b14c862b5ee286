import type { Finding, RepairOptions } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials } from '../policy/cors-policy.js';
import { everyOriginEntry } from './every-origin-entry.js';
import { explicitOriginSuggestions } from './explicit-origin-suggestion.js';

const HOW = {
  'option-true': '`origin: true` reflects the request origin',
  function: 'the origin function approves every origin',
  'request-header':
    "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
} as const;

/** How the origin is approved, in words; request data other than the Origin header is named by its source. */
function reflectionHow(
  origin: Extract<CorsPolicy<unknown>['origin'], { kind: 'reflect-any' }>,
): string {
  if (origin.via === 'allow-all-setting')
    return `\`${origin.source ?? 'CORS_ALLOW_ALL_ORIGINS'} = True\` echoes every request's origin when credentials are on`;
  if (origin.via === 'request-data')
    return `Access-Control-Allow-Origin is taken from ${origin.source ?? 'the request'}, which the requesting page chooses`;
  return HOW[origin.via];
}

/**
 * Reflecting any origin while allowing credentials: browsers accept it, so it is not a CORS error
 * but a cross-site data leak (any page can read authenticated responses). An allow-list pattern
 * every origin passes (`/^https?:/`) is the same reflection. The repair writes the app's origins
 * (`options.appOrigins`), else a placeholder that stays reported.
 */
export function checkReflectedOriginWithCredentials<H>(
  policy: CorsPolicy<H>,
  options: RepairOptions = {},
): Finding<H>[] {
  const { origin } = policy;
  if (!sendsCredentials(policy)) return [];
  // The repair is the app's own origin. Removing the credentials would leave every origin approved,
  // which no-permissive-origin reports in turn: a suggestion must leave nothing to report.
  if (origin.kind === 'reflect-any') {
    return [
      {
        messageId: 'reflectedWithCredentials',
        data: { how: reflectionHow(origin) },
        at: origin.at,
        suggestions: explicitOriginSuggestions(policy, origin.at, options),
      },
    ];
  }
  const entry = everyOriginEntry(policy, options);
  if (!entry) return [];
  const how = `\`${entry.pattern}\` matches ${entry.matches}`;
  return [
    {
      messageId: 'reflectedWithCredentials',
      data: { how },
      at: entry.at,
      suggestions: entry.suggestions,
    },
  ];
}
