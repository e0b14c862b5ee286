/**
 * What request libraries add on top of what the call writes: a base URL joined with the request's
 * path, header defaults overridden by the request's own headers, and the `Content-Type` the library
 * sets for the body it serializes.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { RequestHeaderWrite, Setting } from 'cors-lint-core';
import { asciiLowercase } from 'cors-lint-core';

type Node = TSESTree.Node;

/** `https://…`, `//host/…`: a URL a base URL does not apply to (axios's and ufo's `isAbsoluteURL`). */
const ABSOLUTE_URL = /^([a-z][a-z\d+\-.]*:)?\/\//i;

/**
 * The URL a request with a base URL goes to: an absolute URL as it is, a relative one joined to the
 * base with one slash (axios's `combineURLs`, ofetch's `withBase`). A relative URL under an unknown
 * base goes to an unknown origin.
 */
export function joinBaseUrl(
  base: Setting<string, Node>,
  url: Setting<string, Node>,
): Setting<string, Node> {
  if (
    url.kind === 'unknown' ||
    url.kind === 'default' ||
    base.kind === 'absent' ||
    base.kind === 'default'
  )
    return url;
  if (url.kind === 'absent') return base;
  if (ABSOLUTE_URL.test(url.value)) return url;
  if (base.kind === 'unknown') return { kind: 'unknown', at: url.at };
  return {
    kind: 'known',
    value:
      url.value === ''
        ? base.value
        : `${base.value.replace(/\/+$/, '')}/${url.value.replace(/^\/+/, '')}`,
    at: url.at,
  };
}

/** A header write with how strongly it holds: a later layer's write of the same name replaces it. */
export interface LayeredWrite {
  readonly write: RequestHeaderWrite<Node>;
  /** Higher wins; equal layers fall back to source order. */
  readonly layer: number;
  /** `null`, `false` or `undefined` as the value: the library then sends no such header at all. */
  readonly removes?: boolean;
}

/** The headers actually sent: per name (case-insensitively), the write of the highest layer, unless that one removes it. */
export function effectiveWrites(layered: readonly LayeredWrite[]): RequestHeaderWrite<Node>[] {
  const winners = new Map<string, LayeredWrite>();
  for (const entry of layered) {
    const key = asciiLowercase(entry.write.name);
    const current = winners.get(key);
    if (
      !current ||
      entry.layer > current.layer ||
      (entry.layer === current.layer && entry.write.at.range[0] >= current.write.at.range[0])
    )
      winners.set(key, entry);
  }
  return [...winners.values()].filter((entry) => !entry.removes).map((entry) => entry.write);
}

/** Whether a header value written as `null`, `false` or `undefined` drops the header (axios, ky and ofetch all skip such values). */
export function isRemovingValue(write: RequestHeaderWrite<Node>): boolean {
  const value = write.at.type === AST_NODE_TYPES.Property ? write.at.value : undefined;
  if (!value) return false;
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  return value.type === AST_NODE_TYPES.Literal && (value.value === null || value.value === false);
}

export function hasHeader(writes: readonly RequestHeaderWrite<Node>[], name: string): boolean {
  const wanted = asciiLowercase(name);
  return writes.some((write) => asciiLowercase(write.name) === wanted);
}

/** The `Content-Type` a library sets itself, at the body (or option) that makes it do so. */
export function impliedContentType(value: string | undefined, at: Node): RequestHeaderWrite<Node> {
  return { name: 'Content-Type', value, at, implied: 'library-default' };
}

/** The `withCredentials` flag (XHR, axios) as a credentials mode: XHR §send uses "include" when it is set, "same-origin" otherwise. */
export function withCredentialsFlag(value: unknown, at: Node): Setting<string, Node> {
  if (value === true) return { kind: 'known', value: 'include', at };
  if (value === false || value === null) return { kind: 'known', value: 'same-origin', at };
  return { kind: 'unknown', at };
}
