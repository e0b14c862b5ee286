// API Gateway handler with middy; with credentials, middy answers '*' with the caller's own Origin.
import middy from '@middy/core';
import httpCors from '@middy/http-cors';

const getProfile = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ user: event.requestContext.authorizer?.principalId }),
});

export const handler = middy(getProfile).use(httpCors({ origin: '*', credentials: true }));
