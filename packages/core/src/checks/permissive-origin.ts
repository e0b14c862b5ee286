import type { Finding, RepairOptions, Suggestion } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials } from '../policy/cors-policy.js';
import { everyOriginEntry } from './every-origin-entry.js';
import { explicitOriginSuggestions } from './explicit-origin-suggestion.js';
import { middlewareCall } from './middleware-call.js';

/**
 * Any origin may read the responses, without credentials: allowed by browsers and right for public
 * data, but a policy choice worth making on purpose. With credentials the stricter rules report it.
 */
export function checkPermissiveOrigin<H>(
  policy: CorsPolicy<H>,
  options: RepairOptions = {},
): Finding<H>[] {
  const permissive = permissiveness(policy, options);
  if (permissive === undefined) return [];
  return [
    {
      messageId: 'permissiveOrigin',
      data: { how: permissive.how },
      at: permissive.at,
      suggestions: permissive.suggestions,
    },
  ];
}

/**
 * The same policy on a server that holds authority a web page must not borrow: one on the user's own
 * machine, or one that runs local programs (the CVE-2025-49596 class, where any site the user visits
 * drives a local tool). `because` says why, in words (`it listens on 127.0.0.1`).
 */
export function checkPermissiveLocalServer<H>(
  policy: CorsPolicy<H>,
  because: string,
  options: RepairOptions = {},
): Finding<H>[] {
  const permissive = permissiveness(policy, options);
  if (permissive === undefined) return [];
  return [
    {
      messageId: 'permissiveLocalServer',
      data: { how: permissive.how, because },
      at: permissive.at,
      suggestions: permissive.suggestions,
    },
  ];
}

/**
 * How the policy lets any origin read, in words, where, and the repair; undefined when it does not
 * (or sends credentials, which the stricter rules report). An allow-list pattern every origin passes
 * (`/^https?:/`) allows any origin too: reported at the pattern, which the repair replaces with the
 * app's origins (`options.appOrigins`), else with a placeholder that stays reported.
 */
function permissiveness<H>(
  policy: CorsPolicy<H>,
  options: RepairOptions,
): { how: string; at: H; suggestions: Suggestion<H>[] } | undefined {
  const { origin } = policy;
  if (sendsCredentials(policy)) return undefined;
  const whole = (how: string) => ({
    how,
    at: origin.at,
    suggestions: explicitOriginSuggestions(policy, origin.at, options),
  });
  if (origin.kind === 'wildcard')
    return whole(
      origin.implicit
        ? `${middlewareCall(policy)} without an \`origin\` option (its default is '*')`
        : "Access-Control-Allow-Origin '*'",
    );
  if (origin.kind === 'reflect-any') return whole(reflectionWording(origin.via, origin.source));
  const entry = everyOriginEntry(policy, options);
  if (!entry) return undefined;
  return {
    how: `An origin pattern that matches ${entry.matches} (\`${entry.pattern}\`)`,
    at: entry.at,
    suggestions: entry.suggestions,
  };
}

function reflectionWording(
  via: 'option-true' | 'function' | 'request-header' | 'request-data' | 'allow-all-setting',
  source: string | undefined,
): string {
  if (via === 'option-true') return '`origin: true`';
  if (via === 'allow-all-setting') return `\`${source ?? 'CORS_ALLOW_ALL_ORIGINS'} = True\``;
  if (via === 'function') return 'An origin function that approves every origin';
  if (via === 'request-data')
    return `Taking Access-Control-Allow-Origin from ${source ?? 'the request'}, which the requesting page chooses,`;
  return "Copying the request's Origin into Access-Control-Allow-Origin";
}
