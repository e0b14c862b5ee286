/**
 * What one client request sends, as written in code: a `fetch()` call or a `new Request()` that
 * is later fetched. Like the policy model, `H` is the adapter's handle, only handed back.
 */
import type { Setting } from './cors-policy.js';

/** One header the code sets on the request: an object property, a `[name, value]` pair, a `set`/`append` call. */
export interface RequestHeaderWrite<H> {
  readonly name: string;
  /** Undefined when the value is not statically known. */
  readonly value: string | undefined;
  /** The whole write, which removing removes the header; for an implied header, what implies it. */
  readonly at: H;
  /**
   * Set by the library, not written in code: axios's `Content-Type: application/json` for a
   * plain-object body, or a header from an `axios.create()` instance's or `axios.defaults`' headers
   * (then `at` is that default's property). Removing `at` does not always remove it.
   */
  readonly implied?: 'library-default' | 'instance-default';
}

/**
 * What the body is, as far as it decides the request's default `Content-Type` (Fetch §extract-a-body)
 * and whether it can be sent at all: `string` (text/plain;charset=UTF-8), `form-data`
 * (multipart/form-data with a boundary), `url-search-params` (application/x-www-form-urlencoded),
 * `blob` (the blob's type, if any), `buffer` (none), `stream` (a `ReadableStream`), `json-object`
 * (a plain object a library serializes as JSON, like axios), `other` (anything else known),
 * `unknown` (cannot be told statically).
 */
export type RequestBodyKind =
  | 'none'
  | 'string'
  | 'form-data'
  | 'url-search-params'
  | 'blob'
  | 'buffer'
  | 'stream'
  | 'json-object'
  | 'other'
  | 'unknown';

/** The API that sends the request; its defaults (axios's JSON bodies, XHR's upload events) matter. */
export type RequestClient = 'fetch' | 'axios' | 'xhr' | 'ky' | 'ofetch';

/** A read of the response the request resolves to: `status`, `ok`, `headers`, `json`, `text`, `type`, … */
export interface ResponseRead<H> {
  readonly member: string;
  readonly at: H;
}

export interface ClientRequest<H> {
  /** The `fetch()` call, the `new Request()` expression, the axios call, the XHR's `open()` call. */
  readonly at: H;
  readonly client: RequestClient;
  /**
   * The URL as written: the whole string, or for a template literal its literal start when that
   * holds the origin (`https://api.example.com/`). Unknown when neither can be read.
   */
  readonly url: Setting<string, H>;
  readonly method: Setting<string, H>;
  /** `at` is the whole `mode` option, so a fix can remove it. */
  readonly mode: Setting<string, H>;
  /**
   * `complete` is false when some headers could not be read: a missing header may still be set.
   * `takenAt` is the request's own `headers` option when the headers are written elsewhere (a
   * variable built beforehand, a constant other requests share): where this request takes them.
   */
  readonly headers: {
    readonly writes: readonly RequestHeaderWrite<H>[];
    readonly complete: boolean;
    readonly takenAt?: H;
  };
  readonly body: { readonly kind: RequestBodyKind; readonly at?: H };
  /**
   * `credentials` as the request sends them: fetch's `credentials` option (default `same-origin`),
   * `withCredentials: true` (axios, XHR) as `include`.
   */
  readonly credentials: Setting<string, H>;
  /** XHR `upload` event listeners: registering one makes every cross-origin request preflight (XHR §send). */
  readonly uploadListeners: readonly H[];
  /** Reads of the response, through `await`, `.then` or a variable; empty when it is not followed. */
  readonly responseReads: readonly ResponseRead<H>[];
}
