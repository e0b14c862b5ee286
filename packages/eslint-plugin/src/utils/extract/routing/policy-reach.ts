/**
 * The response header writes a CORS policy applies to: those on the very response its headers are
 * written to (hand-set headers), and those of handlers that run after it in the same file
 * (`app.use(cors())` then `app.get('/items', …)`), as the registration model places them.
 *
 * Every policy of a file asks this about the same list of writes, so the list is indexed once (by
 * response group, and by the registration each write's handler is placed at) and a policy visits
 * only the registrations its placements cover (route-index.ts), not every write of the file.
 */
import type { ExtractedPolicy } from '../../cors-context.js';
import type { ResponseHeaderWrite } from '../responses/response-headers.js';
import type { Placement, Registration, Registrations } from './registrations.js';
import { RouteIndex } from './route-index.js';

export interface ReachedWrites {
  /** Writes on the response the policy's own headers are written to (hand-set headers only). */
  readonly sameResponse: readonly ResponseHeaderWrite[];
  /** Writes by handlers that run after the policy on the same requests. */
  readonly later: readonly ResponseHeaderWrite[];
}

/** The group (response) of a hand-set policy's own writes; undefined for middleware. */
export function responseGroupOf(policy: ExtractedPolicy): unknown {
  return policy.source.kind === 'response-headers' && 'writes' in policy
    ? policy.writes[0]?.group
    : undefined;
}

export function writesReached(
  registrations: Registrations,
  policy: ExtractedPolicy,
  writes: readonly ResponseHeaderWrite[],
): ReachedWrites {
  const reach = writeReachOf(registrations, writes);
  const group = responseGroupOf(policy);
  const sameResponse = group === undefined ? [] : reach.inGroup(group);
  const from = policyPlacements(registrations, policy);
  return { sameResponse, later: from.length === 0 ? [] : reach.after(from, group) };
}

/** One index per list of writes (a file's writes, or its Vary writes), built on the first policy's question. */
const reaches = new WeakMap<readonly ResponseHeaderWrite[], WriteReach>();

function writeReachOf(
  registrations: Registrations,
  writes: readonly ResponseHeaderWrite[],
): WriteReach {
  let reach = reaches.get(writes);
  if (!reach) {
    reach = new WriteReach(registrations, writes);
    reaches.set(writes, reach);
  }
  return reach;
}

/** A write of a registered handler, with the handler's argument position in that registration. */
interface PlacedWrite {
  readonly index: number;
  readonly write: ResponseHeaderWrite;
}

class WriteReach {
  readonly #byGroup = new Map<unknown, ResponseHeaderWrite[]>();
  readonly #position = new Map<ResponseHeaderWrite, number>();
  readonly #byRegistration = new Map<Registration, PlacedWrite[]>();
  readonly #routes: RouteIndex;

  constructor(registrations: Registrations, writes: readonly ResponseHeaderWrite[]) {
    for (const [position, write] of writes.entries()) {
      this.#position.set(write, position);
      const group = this.#byGroup.get(write.group);
      if (group) group.push(write);
      else this.#byGroup.set(write.group, [write]);
      for (const { registration, index } of registrations.responseHandlerOf(write.at)?.placements ??
        []) {
        const placed = this.#byRegistration.get(registration);
        if (placed) placed.push({ index, write });
        else this.#byRegistration.set(registration, [{ index, write }]);
      }
    }
    this.#routes = new RouteIndex(
      registrations,
      registrations.all.filter((registration) => this.#byRegistration.has(registration)),
    );
  }

  /** The writes of one response group, in list order. */
  inGroup(group: unknown): readonly ResponseHeaderWrite[] {
    return this.#byGroup.get(group) ?? [];
  }

  /**
   * The writes outside `group` whose handler runs after one of `from` on the same request
   * (`Registrations.runsBefore` not false): a later argument of the same registration, or a
   * registration of the same receiver after the mount that it covers. In list order.
   */
  after(from: readonly Placement[], group: unknown): ResponseHeaderWrite[] {
    const reached = new Set<ResponseHeaderWrite>();
    for (const placement of from) {
      for (const { index, write } of this.#byRegistration.get(placement.registration) ?? [])
        if (index > placement.index) reached.add(write);
      for (const route of this.#routes.covered(placement.registration, { after: true })) {
        for (const { write } of this.#byRegistration.get(route) ?? []) reached.add(write);
      }
    }
    return [...reached]
      .filter((write) => write.group !== group)
      .sort((a, b) => this.#position.get(a)! - this.#position.get(b)!);
  }
}

/** Where a policy's middleware (`cors()`) or the handler writing its headers is registered. */
function policyPlacements(
  registrations: Registrations,
  policy: ExtractedPolicy,
): readonly Placement[] {
  if ('call' in policy) return registrations.placementsOf(policy.call);
  const first = policy.writes[0];
  return first ? (registrations.handlerOf(first.at)?.placements ?? []) : [];
}
