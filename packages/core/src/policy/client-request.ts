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
  /** The whole write, which removing removes the header. */
  readonly at: H;
}

/** `stream`: a `ReadableStream` body; `unknown`: a body whose kind cannot be told statically. */
export type RequestBodyKind = 'none' | 'stream' | 'other' | 'unknown';

/** A read of the response the request resolves to: `status`, `ok`, `headers`, `json`, `text`, `type`, … */
export interface ResponseRead<H> {
  readonly member: string;
  readonly at: H;
}

export interface ClientRequest<H> {
  /** The `fetch()` call or the `new Request()` expression. */
  readonly at: H;
  /**
   * The URL as written: the whole string, or for a template literal its literal start when that
   * holds the origin (`https://api.example.com/`). Unknown when neither can be read.
   */
  readonly url: Setting<string, H>;
  readonly method: Setting<string, H>;
  /** `at` is the whole `mode` option, so a fix can remove it. */
  readonly mode: Setting<string, H>;
  /** `complete` is false when some headers could not be read: a missing header may still be set. */
  readonly headers: { readonly writes: readonly RequestHeaderWrite<H>[]; readonly complete: boolean };
  readonly body: { readonly kind: RequestBodyKind; readonly at?: H };
  /** Reads of the response, through `await`, `.then` or a variable; empty when it is not followed. */
  readonly responseReads: readonly ResponseRead<H>[];
}
