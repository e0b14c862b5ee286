import { asciiLowercase } from '../fetch/ascii.js';
import { ACAO } from '../fetch/response-headers.js';
import type { Finding } from '../findings.js';
import type { NginxHeaderWrite, NginxLevel } from '../nginx/headers-module.js';
import {
  effectiveAddHeaders,
  effectiveMoreSetHeaders,
  isCorsResponseHeader,
} from '../nginx/headers-module.js';

export interface DroppedHeadersContext {
  /** The level is an `if` that tests for the preflight's OPTIONS method. */
  readonly answersPreflight: boolean;
}

/**
 * A `location`, nested `location` or `if` with an `add_header` of its own inherits none of the enclosing
 * level's (nginx 1.22, §C1/C2): every CORS header written outside is gone from its responses, unless
 * `more_set_headers` sends it (it accumulates) or `add_header_inherit merge` keeps them. The seed case
 * is `if ($request_method = OPTIONS) { add_header Access-Control-Max-Age …; return 204; }`: the preflight
 * then carries no Access-Control-Allow-Origin. The repair repeats the lost lines at the level.
 */
export function checkDroppedCorsHeaders<H>(
  level: NginxLevel<H>,
  context: DroppedHeadersContext,
): Finding<H>[] {
  if (
    (level.kind !== 'location' && level.kind !== 'if') ||
    level.addHeaders.length === 0 ||
    level.inherit !== 'on'
  )
    return [];
  const inherited = effectiveAddHeaders(level.parent).writes.filter(
    (write) => isCorsResponseHeader(write.name) && write.value !== '',
  );
  const kept = new Set(
    [...level.addHeaders, ...effectiveMoreSetHeaders(level)].map((write) =>
      asciiLowercase(write.name),
    ),
  );
  const dropped: NginxHeaderWrite<H>[] = [];
  for (const write of inherited)
    if (
      !kept.has(asciiLowercase(write.name)) &&
      !dropped.some((other) => asciiLowercase(other.name) === asciiLowercase(write.name))
    )
      dropped.push(write);
  const [first] = dropped;
  if (!first) return [];
  const allowOrigin = dropped.some((write) => asciiLowercase(write.name) === asciiLowercase(ACAO));
  const messageId = !allowOrigin
    ? 'droppedCorsHeaders'
    : level.kind === 'if' && context.answersPreflight
      ? 'preflightLosesCors'
      : 'droppedAllowOrigin';
  const place =
    level.kind === 'if'
      ? 'An `if` block'
      : level.parent?.kind === 'location'
        ? 'A nested location'
        : 'A location';
  const headers = dropped.map((write) => write.name).join(', ');
  const handles = [...new Set(dropped.map((write) => write.at))];
  return [
    {
      messageId,
      data: { line: String(first.line), headers, place },
      at: level.addHeaders[0]!.at,
      suggestions: [
        {
          messageId: 'repeatInherited',
          data: { count: String(handles.length) },
          fix: { kind: 'repeat-headers', at: level.addHeaders[0]!.at, headers: handles },
        },
      ],
    },
  ];
}
