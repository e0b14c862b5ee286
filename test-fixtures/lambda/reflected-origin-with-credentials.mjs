// Lambda (ESM) behind API Gateway: reflects the caller and allows cookies.
export const handler = async (event) => ({
  statusCode: 200,
  headers: {
    'Access-Control-Allow-Origin': event.headers.origin || '*',
    'Access-Control-Allow-Credentials': true,
  },
  body: JSON.stringify({ user: event.requestContext?.authorizer?.claims?.sub ?? null }),
});
