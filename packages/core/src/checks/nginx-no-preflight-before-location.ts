import type { Finding } from '../findings.js';
import type { NginxLevel } from '../nginx/headers-module.js';
import { asciiLowercase } from '../fetch/ascii.js';
import {
  effectiveHeaders,
  isCorsResponseHeader,
  sendsAllowOrigin,
} from '../nginx/headers-module.js';

/**
 * A server-level `if ($request_method = OPTIONS) { return …; }` answers before nginx picks a location
 * (§C3): the answer carries the server's (or http's) headers, never a location's. When the server sends
 * no Access-Control-Allow-Origin itself but its locations do, every preflight fails. Inside each
 * location, the same `if` (with no `add_header` of its own) answers with the location's headers (§C2, /t4/).
 * With an Access-Control-Allow-Origin at server or http level, the answer still lacks the location's
 * other CORS headers (§C3: `Access-Control-Allow-Origin: *` from http, no Allow-Methods).
 */
export function checkPreflightBeforeLocation<H>(
  answer: NginxLevel<H>,
  locations: readonly NginxLevel<H>[],
): Finding<H>[] {
  if (answer.kind !== 'if' || answer.parent?.kind !== 'server') return [];
  const outer = effectiveHeaders(answer.parent);
  if (!outer.complete) return [];
  const outerNames = new Set(
    outer.writes.filter((write) => write.value !== '').map((write) => asciiLowercase(write.name)),
  );
  // The CORS headers a location sends that the server-level answer lacks.
  const missing = (location: NginxLevel<H>) =>
    effectiveHeaders(location).writes.filter(
      (write) =>
        isCorsResponseHeader(write.name) &&
        write.value !== '' &&
        !outerNames.has(asciiLowercase(write.name)),
    );
  const withCors = locations.filter(
    (location) =>
      sendsAllowOrigin(effectiveHeaders(location).writes) && missing(location).length > 0,
  );
  const [first] = withCors;
  if (!first) return [];
  const more = withCors.length > 1 ? ` and ${withCors.length - 1} more` : '';
  const headers = [...new Set(missing(first).map((write) => write.name))].join(', ');
  return [
    {
      // With an Access-Control-Allow-Origin from the server or http level, the answer lacks the location's others.
      messageId: sendsAllowOrigin(outer.writes)
        ? 'preflightWithoutLocationHeaders'
        : 'preflightBeforeLocation',
      data: { location: first.label, more, headers },
      at: answer.at,
      suggestions: [
        {
          messageId: 'moveIntoLocations',
          data: { count: String(withCors.length) },
          fix: {
            kind: 'move-into-levels',
            at: answer.at,
            into: withCors.map((location) => location.at),
          },
        },
      ],
    },
  ];
}
