// Lambda (ESM) behind API Gateway: answers only known callers and allows cookies.
const ALLOWED = new Set(['https://app.example.com', 'https://staging.example.com']);

export const handler = async (event) => {
  const origin = event.headers.origin;
  const headers = { Vary: 'Origin' };
  if (ALLOWED.has(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Allow-Credentials'] = 'true';
  }
  return { statusCode: 200, headers, body: JSON.stringify({ user: event.requestContext?.authorizer?.claims?.sub ?? null }) };
};
