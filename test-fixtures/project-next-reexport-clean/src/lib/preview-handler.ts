// The draft preview handler the route module exports for each method it serves.
import { NextResponse, type NextRequest } from 'next/server';

const STUDIO_ORIGIN = 'https://studio.example.com';

export async function previewHandler(request: NextRequest): Promise<Response> {
  // The route module exports this handler as OPTIONS too: the preflight gets the CORS headers alone.
  const preflight = request.method === 'OPTIONS';
  const draft = preflight ? null : request.method === 'PUT' ? await request.json() : { title: 'Draft' };
  const response = preflight ? new NextResponse(null, { status: 204 }) : NextResponse.json(draft);
  response.headers.set('Access-Control-Allow-Origin', STUDIO_ORIGIN);
  response.headers.set('Access-Control-Allow-Methods', 'GET, PUT');
  response.headers.set('Access-Control-Allow-Headers', 'Content-Type');
  response.headers.set('Vary', 'Origin');
  return response;
}
