import type { RepairOptions, Suggestion } from '../findings.js';
import type { CorsPolicy, OriginEntry } from '../policy/cors-policy.js';
import {
  explicitOriginSuggestions,
  originsTitle,
  repairOrigins,
} from './explicit-origin-suggestion.js';

type PatternEntry<H> = Extract<OriginEntry<H>, { kind: 'pattern' }>;

/** An allow-list entry that every origin of a scheme passes, and how the reflection checks word and repair it. */
export interface EveryOriginEntry<H> {
  readonly at: H;
  /** `/^https?:/` */
  readonly pattern: string;
  /** `every origin`, or `every https origin` for a pattern that pins the scheme only. */
  readonly matches: string;
  /** None when two such patterns are there: replacing one leaves the other approving everything. */
  readonly suggestions: Suggestion<H>[];
}

/**
 * An allow-list with a pattern every origin passes (`[/.+/]`, `origin: /^https?:/`) approves every
 * origin, as `origin: true` does. The repair puts the app's origins (`options.appOrigins`, else a
 * placeholder that stays reported) in the pattern's place: the whole setting when the pattern is all
 * of it, else that one entry, so the others stay.
 */
export function everyOriginEntry<H>(
  policy: CorsPolicy<H>,
  options: RepairOptions = {},
): EveryOriginEntry<H> | undefined {
  const { origin } = policy;
  if (origin.kind !== 'allow-list') return undefined;
  const matching = origin.entries.filter(
    (entry): entry is PatternEntry<H> =>
      entry.kind === 'pattern' && (entry.matchesEveryOriginOf?.length ?? 0) > 0,
  );
  const [entry] = matching;
  if (!entry) return undefined;
  const schemes = entry.matchesEveryOriginOf!;
  let suggestions: Suggestion<H>[] = [];
  // Two such patterns: replacing one leaves the other approving everything.
  if (matching.length === 1) {
    const origins = repairOrigins(options);
    suggestions =
      origin.entries.length === 1 && origin.complete
        ? explicitOriginSuggestions(policy, origin.at, options)
        : [
            {
              messageId: 'useAllowList',
              data: { origin: originsTitle(origins) },
              fix: {
                kind: 'replace-entry',
                at: entry.at,
                entries: origins.map((value) => ({ kind: 'exact', value })),
              },
            },
          ];
  }
  return {
    at: entry.at,
    pattern: `/${entry.source}/${entry.flags}`,
    matches: schemes.length > 1 ? 'every origin' : `every ${schemes[0]} origin`,
    suggestions,
  };
}
