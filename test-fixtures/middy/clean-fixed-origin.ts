// TypeScript Lambda with middy: a fixed origin is sent as written.
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const listOrders = async (_event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => ({ statusCode: 200, body: '[]' });

export const handler = middy(listOrders).use(httpCors({ origin: 'https://shop.example.com', methods: 'GET,POST', maxAge: 600 }));
