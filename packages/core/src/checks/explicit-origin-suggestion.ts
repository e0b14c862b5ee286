import type { OriginLiteral, RepairOptions, Suggestion } from '../findings.js';
import { PLACEHOLDER_ORIGIN } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';

/** The origins a repair writes: the app's own when configured, else the placeholder valid-allow-origin reports. */
export function repairOrigins(options: RepairOptions = {}): readonly string[] {
  return options.appOrigins && options.appOrigins.length > 0
    ? options.appOrigins
    : [PLACEHOLDER_ORIGIN];
}

/** How a suggestion title names the origins it writes: the first, quoted, and `…` for the rest (titles stay short). */
export function originsTitle(origins: readonly string[]): string {
  return origins.length > 1 ? `'${origins[0]}', …` : `'${origins[0] ?? ''}'`;
}

const exact = (value: string): OriginLiteral => ({ kind: 'exact', value });

/** Message ids of the two shapes of the repair, per rule. */
export interface ExplicitOriginIds {
  readonly list: string;
  readonly fixed: string;
}

/**
 * The suggestions that replace an approve-everything (or `null`) origin with the app's own: the
 * configured app origins, else a placeholder that stays reported. A list for middleware whose `origin`
 * option takes one; one fixed value for hand-set headers and for libraries whose option takes a single
 * string (`@koa/cors`), then one suggestion per app origin, since only the user knows which one it is.
 */
export function explicitOriginSuggestions<H>(
  policy: CorsPolicy<H>,
  at: H,
  options: RepairOptions = {},
  ids: ExplicitOriginIds = { list: 'useAllowList', fixed: 'useFixedOrigin' },
): Suggestion<H>[] {
  const origins = repairOrigins(options);
  if (policy.source.kind !== 'middleware') {
    return origins.map((origin) => ({
      messageId: ids.fixed,
      data: { origin: originsTitle([origin]) },
      fix: { kind: 'replace-value', at, value: origin },
    }));
  }
  if (policy.source.singleOrigin === true) {
    return origins.map((origin) => ({
      messageId: ids.fixed,
      data: { origin: originsTitle([origin]) },
      fix: { kind: 'set-origins', at, entries: [exact(origin)] },
    }));
  }
  return [
    {
      messageId: ids.list,
      data: { origin: originsTitle(origins) },
      fix: { kind: 'set-origins', at, entries: origins.map(exact) },
    },
  ];
}
