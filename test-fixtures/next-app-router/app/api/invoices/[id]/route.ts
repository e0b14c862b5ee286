// A Next.js App Router route handler with a fixed origin: the billing app's script reads the
// invoice version to send it back with updates, but the header is not exposed.
import { NextResponse } from 'next/server';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const response = NextResponse.json({ id, total: 42 });
  response.headers.set('Access-Control-Allow-Origin', 'https://billing.example.com');
  response.headers.set('X-Invoice-Version', `${id}-v3`);
  return response;
}
