import type { Finding } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials } from '../policy/cors-policy.js';
import { explicitOriginSuggestion } from './explicit-origin-suggestion.js';
import { middlewareCall } from './middleware-call.js';

/**
 * Any origin may read the responses, without credentials: allowed by browsers and right for public
 * data, but a policy choice worth making on purpose. With credentials the stricter rules report it.
 */
export function checkPermissiveOrigin<H>(policy: CorsPolicy<H>): Finding<H>[] {
  const how = permissiveHow(policy);
  if (how === undefined) return [];
  return [{ messageId: 'permissiveOrigin', data: { how }, at: policy.origin.at, suggestions: [explicitOriginSuggestion(policy, policy.origin.at)] }];
}

/**
 * The same policy on a server that holds authority a web page must not borrow: one on the user's own
 * machine, or one that runs local programs (the CVE-2025-49596 class, where any site the user visits
 * drives a local tool). `because` says why, in words (`it listens on 127.0.0.1`).
 */
export function checkPermissiveLocalServer<H>(policy: CorsPolicy<H>, because: string): Finding<H>[] {
  const how = permissiveHow(policy);
  if (how === undefined) return [];
  return [{ messageId: 'permissiveLocalServer', data: { how, because }, at: policy.origin.at, suggestions: [explicitOriginSuggestion(policy, policy.origin.at)] }];
}

/** How the policy lets any origin read, in words; undefined when it does not (or sends credentials, which the stricter rules report). */
function permissiveHow<H>(policy: CorsPolicy<H>): string | undefined {
  const { origin } = policy;
  if (sendsCredentials(policy)) return undefined;
  if (origin.kind === 'wildcard') return origin.implicit ? `${middlewareCall(policy)} without an \`origin\` option (its default is '*')` : "Access-Control-Allow-Origin '*'";
  if (origin.kind === 'reflect-any') return origin.via === 'option-true' ? '`origin: true`' : origin.via === 'function' ? 'An origin function that approves every origin' : "Copying the request's Origin into Access-Control-Allow-Origin";
  return undefined;
}
