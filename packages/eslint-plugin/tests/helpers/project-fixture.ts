/** The monorepo-shaped sample (an Express API, a Vite client) that the contract rules' tests check client code against. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = fileURLToPath(
  new URL('../../../../test-fixtures/project-express-vite/', import.meta.url),
);
export const CLEAN_PROJECT = fileURLToPath(
  new URL('../../../../test-fixtures/project-express-vite-clean/', import.meta.url),
);

/** A client file of the sample's web app (it need not exist: the server facts come from the sample's other files). */
export const clientFile = (root = PROJECT) => path.join(root, 'apps/web/src/inline.js');

/** The settings `cors.configs.project({ root })` writes. */
export const projectSettings = (root = PROJECT) => ({ cors: { project: { root } } });

/** The sample with nginx in front of an Express API: nginx answers /api/ itself, /account/ is the API's. */
export const NGINX_PROJECT = fileURLToPath(
  new URL('../../../../test-fixtures/project-nginx-express/', import.meta.url),
);
export const CLEAN_NGINX_PROJECT = fileURLToPath(
  new URL('../../../../test-fixtures/project-nginx-express-clean/', import.meta.url),
);

/** nginx in front of an Express API through an `upstream` block of compose service names: the API sets CORS for /products, nginx for /reviews. */
export const UPSTREAM_PROJECT = fileURLToPath(
  new URL('../../../../test-fixtures/project-nginx-upstream/', import.meta.url),
);
export const CLEAN_UPSTREAM_PROJECT = fileURLToPath(
  new URL('../../../../test-fixtures/project-nginx-upstream-clean/', import.meta.url),
);
