import type { Finding } from '../findings.js';
import type { NginxLevel } from '../nginx/headers-module.js';
import { effectiveHeaders, sendsAllowOrigin } from '../nginx/headers-module.js';

/**
 * A server-level `if ($request_method = OPTIONS) { return …; }` answers before nginx picks a location
 * (§C3): the answer carries the server's (or http's) headers, never a location's. When the server sends
 * no Access-Control-Allow-Origin itself but its locations do, every preflight fails. Inside each
 * location, the same `if` (with no `add_header` of its own) answers with the location's headers (§C2, /t4/).
 */
export function checkPreflightBeforeLocation<H>(answer: NginxLevel<H>, locations: readonly NginxLevel<H>[]): Finding<H>[] {
  if (answer.kind !== 'if' || answer.parent?.kind !== 'server') return [];
  const outer = effectiveHeaders(answer.parent);
  if (!outer.complete || sendsAllowOrigin(outer.writes)) return [];
  const withCors = locations.filter((location) => sendsAllowOrigin(effectiveHeaders(location).writes));
  const [first] = withCors;
  if (!first) return [];
  const more = withCors.length > 1 ? ` and ${withCors.length - 1} more` : '';
  return [
    {
      messageId: 'preflightBeforeLocation',
      data: { location: first.label, more },
      at: answer.at,
      suggestions: [{ messageId: 'moveIntoLocations', data: { count: String(withCors.length) }, fix: { kind: 'move-into-levels', at: answer.at, into: withCors.map((location) => location.at) } }],
    },
  ];
}
