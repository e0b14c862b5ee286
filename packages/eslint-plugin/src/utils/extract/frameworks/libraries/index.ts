/** Every CORS library the plugin reads, in one table. */
import { CORS_PACKAGE } from './cors.js';
import { FASTIFY_CORS } from './fastify-cors.js';
import { HONO_CORS } from './hono-cors.js';
import { KOA_CORS } from './koa-cors.js';
import type { CorsLibrary } from './library.js';
import { ORPC_CORS } from './orpc-cors.js';

export const CORS_LIBRARIES: readonly CorsLibrary[] = [
  CORS_PACKAGE,
  FASTIFY_CORS,
  KOA_CORS,
  HONO_CORS,
  ORPC_CORS,
];

/** The description of the library a policy's `source.library` names; undefined for the others (Apollo, middy, Django). */
export function corsLibraryNamed(name: string): CorsLibrary | undefined {
  return CORS_LIBRARIES.find((library) => library.name === name);
}
