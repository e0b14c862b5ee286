import { isCorsSafelistedMethod, normalizeMethod } from '../fetch/methods.js';
import {
  isForbiddenRequestHeader,
  isNoCorsSafelistedRequestHeader,
  NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES,
} from '../fetch/request-headers.js';
import { asciiLowercase } from '../fetch/ascii.js';
import type { Finding, Suggestion } from '../findings.js';
import type { ClientRequest, RequestHeaderWrite } from '../policy/client-request.js';

/**
 * What a `no-cors` request cannot carry (Fetch §request-class constructor, §headers-class guard
 * "request-no-cors"): another method than GET/HEAD/POST and a stream body throw a TypeError;
 * headers outside the no-CORS safelist are dropped without an error.
 */
export function checkInvalidNoCorsRequest<H>(request: ClientRequest<H>): Finding<H>[] {
  const { mode, method, headers, body } = request;
  if (mode.kind !== 'known' || mode.value !== 'no-cors') return [];
  const suggestions: Suggestion<H>[] = [
    { messageId: 'removeNoCors', fix: { kind: 'remove', at: mode.at } },
  ];
  const findings: Finding<H>[] = [];
  if (method.kind === 'known' && !isCorsSafelistedMethod(normalizeMethod(method.value))) {
    findings.push({
      messageId: 'unsupportedMethod',
      data: { method: normalizeMethod(method.value) },
      at: method.at,
      suggestions,
    });
  }
  // Dropping is this request's doing, not the header's: headers written elsewhere (a constant that
  // CORS requests share too) are reported where this request takes them.
  for (const write of headers.writes) {
    if (isDropped(write))
      findings.push({
        messageId: 'droppedHeader',
        data: { header: write.name },
        at: headers.takenAt ?? write.at,
        suggestions,
      });
  }
  if (body.kind === 'stream' && body.at !== undefined)
    findings.push({ messageId: 'streamBody', data: {}, at: body.at, suggestions });
  return findings;
}

/** Forbidden headers are left to no-forbidden-request-header; unknown values of safelisted names are not guessed. */
function isDropped(write: RequestHeaderWrite<unknown>): boolean {
  if (isForbiddenRequestHeader(write.name, write.value)) return false;
  if (!NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES.has(asciiLowercase(write.name))) return true;
  return write.value !== undefined && !isNoCorsSafelistedRequestHeader(write.name, write.value);
}
