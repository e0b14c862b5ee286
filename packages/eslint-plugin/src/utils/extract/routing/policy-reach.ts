/**
 * The response header writes a CORS policy applies to: those on the very response its headers are
 * written to (hand-set headers), and those of handlers that run after it in the same file
 * (`app.use(cors())` then `app.get('/items', …)`), as the registration model places them.
 */
import type { ExtractedPolicy } from '../../cors-context.js';
import type { ResponseHeaderWrite } from '../responses/response-headers.js';
import type { Placement, Registrations } from './registrations.js';

export interface ReachedWrites {
  /** Writes on the response the policy's own headers are written to (hand-set headers only). */
  readonly sameResponse: readonly ResponseHeaderWrite[];
  /** Writes by handlers that run after the policy on the same requests. */
  readonly later: readonly ResponseHeaderWrite[];
}

/** The group (response) of a hand-set policy's own writes; undefined for middleware. */
export function responseGroupOf(policy: ExtractedPolicy): unknown {
  return policy.source.kind === 'response-headers' && 'writes' in policy ? policy.writes[0]?.group : undefined;
}

export function writesReached(registrations: Registrations, policy: ExtractedPolicy, writes: readonly ResponseHeaderWrite[]): ReachedWrites {
  const group = responseGroupOf(policy);
  const sameResponse = group === undefined ? [] : writes.filter((write) => write.group === group);
  const from = policyPlacements(registrations, policy);
  const later =
    from.length === 0
      ? []
      : writes.filter((write) => {
          if (write.group === group) return false;
          const to = registrations.responseHandlerOf(write.at)?.placements ?? [];
          return to.some((handler) => from.some((placement) => registrations.runsBefore(placement, handler) !== false));
        });
  return { sameResponse, later };
}

/** Where a policy's middleware (`cors()`) or the handler writing its headers is registered. */
function policyPlacements(registrations: Registrations, policy: ExtractedPolicy): Placement[] {
  if ('call' in policy) return registrations.placementsOf(policy.call);
  const first = policy.writes[0];
  return first ? (registrations.handlerOf(first.at)?.placements ?? []) : [];
}
