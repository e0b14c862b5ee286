import { needsPreflight } from '../browser-check/cors-check.js';
import { asciiLowercase } from '../fetch/ascii.js';
import { normalizeMethod } from '../fetch/methods.js';
import { mimeTypeEssence } from '../fetch/mime-type.js';
import {
  isCorsSafelistedRequestHeader,
  isForbiddenRequestHeader,
  mayBeCorsSafelistedRequestHeader,
} from '../fetch/request-headers.js';
import type { Finding, Suggestion } from '../findings.js';
import { isCrossOriginUrl } from '../origin/request-target.js';
import type {
  ClientRequest,
  RequestBodyKind,
  RequestHeaderWrite,
} from '../policy/client-request.js';

export interface AccidentalPreflightOptions {
  /** The app's own origins; none given means every absolute `http(s)` URL is cross-origin. */
  readonly appOrigins?: readonly string[];
  /** Report every preflight and what triggers it, not only the ones that buy nothing. */
  readonly all?: boolean;
}

// Fetch §extract-a-body: what the browser sends as Content-Type for a body left without one.
const BODY_DEFAULT_TYPE: Partial<Record<RequestBodyKind, { body: string; sent: string }>> = {
  'form-data': {
    body: 'FormData',
    sent: 'multipart/form-data with the boundary that separates the parts',
  },
  'url-search-params': {
    body: 'URLSearchParams',
    sent: 'application/x-www-form-urlencoded;charset=UTF-8',
  },
};

const SAFE_TEXT_TYPE = 'text/plain';

/**
 * Cross-origin requests that preflight (Fetch §main-fetch, via `needsPreflight`). By default only
 * the preflights that buy nothing: a Content-Type on a body-less GET/HEAD, `X-Requested-With` (a
 * same-origin convention), a Content-Type that overrides the one the browser gives a FormData or
 * URLSearchParams body, a non-safelisted text type on a string body. With `all`, every trigger:
 * method, header (a repeated one by the line its values are joined into), XHR upload listeners, a
 * stream body.
 */
export function checkAccidentalPreflight<H>(
  request: ClientRequest<H>,
  options: AccidentalPreflightOptions = {},
): Finding<H>[] {
  const { url, mode } = request;
  if (url.kind !== 'known' || isCrossOriginUrl(url.value, options.appOrigins) !== true) return [];
  // `no-cors` never preflights; `same-origin` never leaves the origin; an unknown mode may be either.
  if (mode.kind === 'unknown' || (mode.kind === 'known' && mode.value !== 'cors')) return [];

  const method =
    request.method.kind === 'absent'
      ? 'GET'
      : request.method.kind === 'known'
        ? normalizeMethod(request.method.value)
        : undefined;
  // A forbidden header never leaves the page; a safelistable name with an unknown value may be safe.
  const writes = request.headers.writes.filter(
    (write) =>
      !isForbiddenRequestHeader(write.name, write.value) &&
      (write.value !== undefined || !mayBeCorsSafelistedRequestHeader(write.name)),
  );
  const { reasons } = needsPreflight({
    origin: 'null',
    credentials: 'same-origin',
    method: method ?? 'GET',
    headers: writes.map((write) => [write.name, write.value ?? ''] as const),
  });

  const findings: Finding<H>[] = [];
  const all = options.all === true;
  for (const reason of reasons) {
    if (reason.kind === 'header') {
      const named = writes.filter((write) => asciiLowercase(write.name) === reason.name);
      const unsafe = named.filter(
        (write) =>
          write.value === undefined || !isCorsSafelistedRequestHeader(write.name, write.value),
      );
      for (const write of unsafe) {
        const finding =
          accidentalHeader(write, request, method) ?? (all ? preflightHeader(write) : undefined);
        if (finding) findings.push(finding);
      }
      // Each value is safelisted, but the line they are sent as together is not.
      if (all && unsafe.length === 0 && named[0])
        findings.push({
          messageId: 'repeatedHeader',
          data: { name: named[0].name, header: reason.name },
          at: request.at,
        });
    } else if (all && request.method.kind === 'known') {
      findings.push({
        messageId: 'preflightMethod',
        data: { method: reason.method },
        at: request.method.at,
      });
    }
  }
  if (all) {
    // Both set the use-CORS-preflight flag (Fetch §concept-request-use-cors-preflight-flag).
    for (const listener of request.uploadListeners)
      findings.push({ messageId: 'uploadListener', data: {}, at: listener });
    if (request.body.kind === 'stream' && request.body.at !== undefined)
      findings.push({ messageId: 'streamBody', data: {}, at: request.body.at });
  }
  return findings;
}

/** A header whose preflight buys nothing, with the edit that avoids it; undefined for a deliberate one. */
function accidentalHeader<H>(
  write: RequestHeaderWrite<H>,
  request: ClientRequest<H>,
  method: string | undefined,
): Finding<H> | undefined {
  // axios's own JSON Content-Type: nothing in the code to remove.
  if (write.implied === 'library-default') return undefined;
  const name = asciiLowercase(write.name);
  const remove: Suggestion<H> = {
    messageId: 'removeHeader',
    data: { name: write.name },
    fix: { kind: 'remove', at: write.at },
  };
  if (name === 'x-requested-with')
    return {
      messageId: 'requestedWith',
      data: { name: write.name, header: name },
      at: write.at,
      suggestions: [remove],
    };
  if (name !== 'content-type' || write.value === undefined) return undefined;
  const value = write.value;
  const { kind } = request.body;
  if (kind === 'none' && (method === 'GET' || method === 'HEAD')) {
    return {
      messageId: 'contentTypeWithoutBody',
      data: { method, value, header: name },
      at: write.at,
      suggestions: [remove],
    };
  }
  const own = BODY_DEFAULT_TYPE[kind];
  if (own)
    return {
      messageId: 'contentTypeReplacesBodyType',
      data: { ...own, value, header: name },
      at: write.at,
      suggestions: [remove],
    };
  const essence = mimeTypeEssence(value);
  if (kind === 'string' && essence?.startsWith('text/') === true) {
    // text/plain itself is safelisted: only a long value or an unsafe byte in its parameters makes it unsafe.
    const why =
      essence === SAFE_TEXT_TYPE
        ? ' as written: its value is over 128 bytes or holds a character such as a quote, a bracket or `@`'
        : '';
    const useTextPlain: Suggestion<H> = {
      messageId: 'useTextPlain',
      fix: { kind: 'replace-value', at: write.at, value: SAFE_TEXT_TYPE },
    };
    return {
      messageId: 'unsafeTextType',
      data: { value, why, header: name },
      at: write.at,
      suggestions: [useTextPlain],
    };
  }
  return undefined;
}

/** Any other header that makes the request preflight, reported only with `all`; no edit keeps what it sends. */
function preflightHeader<H>(write: RequestHeaderWrite<H>): Finding<H> {
  const header = asciiLowercase(write.name);
  if (header === 'content-type' && write.value !== undefined)
    return {
      messageId: 'preflightContentType',
      data: { value: write.value, header },
      at: write.at,
    };
  return { messageId: 'preflightHeader', data: { name: write.name, header }, at: write.at };
}
