import type { Finding, Suggestion } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials, settingHandle } from '../policy/cors-policy.js';
import { explicitOriginSuggestion } from './explicit-origin-suggestion.js';

const HOW = {
  'option-true': '`origin: true` reflects the request origin',
  function: 'the origin function approves every origin',
  'request-header': "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
} as const;

/**
 * Reflecting any origin while allowing credentials: browsers accept it, so it is not a CORS error
 * but a cross-site data leak (any page can read authenticated responses).
 */
export function checkReflectedOriginWithCredentials<H>(policy: CorsPolicy<H>): Finding<H>[] {
  const { origin } = policy;
  if (origin.kind !== 'reflect-any' || !sendsCredentials(policy)) return [];
  const suggestions: Suggestion<H>[] = [explicitOriginSuggestion(policy, origin.at)];
  const credentialsAt = settingHandle(policy.credentials);
  if (credentialsAt !== undefined) suggestions.push({ messageId: 'removeCredentials', fix: { kind: 'remove', at: credentialsAt } });
  return [{ messageId: 'reflectedWithCredentials', data: { how: HOW[origin.via] }, at: origin.at, suggestions }];
}
