// Lambda (TypeScript): an origin check with an anchored, escaped regular expression.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const ORIGIN_PATTERN = /^https:\/\/admin\.example\.com$/;

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const origin = event.headers.origin ?? '';
  const allowed = ORIGIN_PATTERN.test(origin);
  return {
    statusCode: allowed ? 200 : 403,
    headers: allowed ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } : {},
    body: '',
  };
}
