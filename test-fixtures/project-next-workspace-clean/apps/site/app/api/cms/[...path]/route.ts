import { createCmsHandler } from '@sample/cms-kit/next';

// The handler sets CORS headers allowing Authorization, so the editor's requests are preflighted.
const handler = createCmsHandler(process.env.CMS_API_KEY ?? '');

export { handler as GET, handler as POST, handler as OPTIONS };
