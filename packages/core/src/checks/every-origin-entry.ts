import type { Suggestion } from '../findings.js';
import { PLACEHOLDER_ORIGIN } from '../findings.js';
import type { CorsPolicy, OriginEntry } from '../policy/cors-policy.js';
import { explicitOriginSuggestion } from './explicit-origin-suggestion.js';

type PatternEntry<H> = Extract<OriginEntry<H>, { kind: 'pattern' }>;

/** An allow-list entry that every origin of a scheme passes, and how the reflection checks word and repair it. */
export interface EveryOriginEntry<H> {
  readonly at: H;
  /** `/^https?:/` */
  readonly pattern: string;
  /** `every origin`, or `every https origin` for a pattern that pins the scheme only. */
  readonly matches: string;
  readonly suggestion: Suggestion<H> | undefined;
}

/**
 * An allow-list with a pattern every origin passes (`[/.+/]`, `origin: /^https?:/`) approves every
 * origin, as `origin: true` does. The repair puts the app's origin (a placeholder) in the pattern's
 * place: the whole setting when the pattern is all of it, else that one entry, so the others stay.
 */
export function everyOriginEntry<H>(policy: CorsPolicy<H>): EveryOriginEntry<H> | undefined {
  const { origin } = policy;
  if (origin.kind !== 'allow-list') return undefined;
  const matching = origin.entries.filter((entry): entry is PatternEntry<H> => entry.kind === 'pattern' && (entry.matchesEveryOriginOf?.length ?? 0) > 0);
  const [entry] = matching;
  if (!entry) return undefined;
  const schemes = entry.matchesEveryOriginOf!;
  let suggestion: Suggestion<H> | undefined;
  // Two such patterns: replacing one leaves the other approving everything.
  if (matching.length === 1) {
    suggestion =
      origin.entries.length === 1 && origin.complete
        ? explicitOriginSuggestion(policy, origin.at)
        : { messageId: 'useAllowList', data: { origin: PLACEHOLDER_ORIGIN }, fix: { kind: 'replace-entry', at: entry.at, entries: [{ kind: 'exact', value: PLACEHOLDER_ORIGIN }] } };
  }
  return { at: entry.at, pattern: `/${entry.source}/${entry.flags}`, matches: schemes.length > 1 ? 'every origin' : `every ${schemes[0]} origin`, suggestion };
}
