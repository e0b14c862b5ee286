// AWS Lambda proxy integration (this file starts with a UTF-8 byte order mark).
// Two front-ends share the function: answer with the one that asked.
const ALLOWED_ORIGINS = ['https://shop.example.com', 'https://admin.example.com'];

exports.handler = async (event) => {
  const requestOrigin = event.headers?.origin;
  const body = JSON.stringify({ orders: [], requestId: event.requestContext?.requestId });
  return {
    statusCode: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': ALLOWED_ORIGINS.includes(requestOrigin) ? requestOrigin : ALLOWED_ORIGINS[0],
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
      Vary: 'Origin',
    },
    body,
  };
};
