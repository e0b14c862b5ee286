import type { CorsPolicy } from '../policy/cors-policy.js';

/**
 * How messages name the middleware call of a policy: as the user wrote it (`fastify.register(cors, …)`,
 * `cors()` from hono/cors), or `<library>()` when the extractor did not say.
 */
export function middlewareCall(policy: CorsPolicy<unknown>): string {
  if (policy.source.kind !== 'middleware') return '`cors()`';
  const { library, appliedAs } = policy.source;
  if (!appliedAs) return `\`${library}()\``;
  return appliedAs.from ? `\`${appliedAs.call}\` from ${appliedAs.from}` : `\`${appliedAs.call}\``;
}
