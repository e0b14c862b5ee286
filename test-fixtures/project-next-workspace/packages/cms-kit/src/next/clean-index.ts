// The package's Next.js entry: built to dist/, read from src/ in the monorepo.
export { createCmsHandler } from './clean-cms-handler';
export type { CmsHandlerOptions } from './clean-cms-handler';
