// A route handler factory: the CMS editor (another origin) calls the app's API with a bearer token.
export interface CmsHandlerOptions {
  editorOrigin?: string;
}

export function createCmsHandler(apiKey: string, options?: CmsHandlerOptions) {
  const editorOrigin = options?.editorOrigin ?? 'https://editor.example.com';
  return async function handler(request: Request): Promise<Response> {
    const authorized = request.headers.get('Authorization') === `Bearer ${apiKey}`;
    // A preflight carries no Authorization header: it is answered with the CORS headers alone.
    const response =
      request.method === 'OPTIONS' ? new Response(null, { status: 204 }) : authorized ? Response.json({ ok: true }) : new Response('Unauthorized', { status: 401 });
    response.headers.set('Access-Control-Allow-Origin', editorOrigin);
    response.headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    response.headers.set('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    return response;
  };
}
