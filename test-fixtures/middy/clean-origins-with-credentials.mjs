// API Gateway handler with middy; only the listed origins get their Origin echoed back.
import middy from '@middy/core';
import httpCors from '@middy/http-cors';

const getProfile = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ user: event.requestContext.authorizer?.principalId }),
});

export const handler = middy(getProfile).use(
  httpCors({ origins: ['https://app.example.com', 'https://*.preview.example.com'], credentials: true }),
);
