import type { Finding } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials } from '../policy/cors-policy.js';
import { everyOriginEntry } from './every-origin-entry.js';
import { explicitOriginSuggestion } from './explicit-origin-suggestion.js';
import { middlewareCall } from './middleware-call.js';

/**
 * Any origin may read the responses, without credentials: allowed by browsers and right for public
 * data, but a policy choice worth making on purpose. With credentials the stricter rules report it.
 */
export function checkPermissiveOrigin<H>(policy: CorsPolicy<H>): Finding<H>[] {
  const { origin } = policy;
  if (sendsCredentials(policy)) return [];
  let how: string;
  if (origin.kind === 'wildcard') how = origin.implicit ? `${middlewareCall(policy)} without an \`origin\` option (its default is '*')` : "Access-Control-Allow-Origin '*'";
  else if (origin.kind === 'reflect-any') how = origin.via === 'option-true' ? '`origin: true`' : origin.via === 'function' ? 'An origin function that approves every origin' : "Copying the request's Origin into Access-Control-Allow-Origin";
  else {
    // An allow-list pattern every origin passes (`/^https?:/`) allows any origin too.
    const entry = everyOriginEntry(policy);
    if (!entry) return [];
    return [{ messageId: 'permissiveOrigin', data: { how: `An origin pattern that matches ${entry.matches} (\`${entry.pattern}\`)` }, at: entry.at, suggestions: entry.suggestion ? [entry.suggestion] : [] }];
  }
  return [{ messageId: 'permissiveOrigin', data: { how }, at: origin.at, suggestions: [explicitOriginSuggestion(policy, origin.at)] }];
}
