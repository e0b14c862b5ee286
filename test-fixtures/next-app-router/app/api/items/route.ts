// A Next.js App Router route handler with CORS headers for PUT but no OPTIONS export: Next.js
// answers the preflight itself, without these headers.
const corsHeaders = {
  'Access-Control-Allow-Origin': 'https://app.example.com',
  'Access-Control-Allow-Methods': 'GET, PUT',
  'Access-Control-Allow-Headers': 'Content-Type',
};

export async function GET() {
  return Response.json([], { headers: corsHeaders });
}

export async function PUT(request: Request) {
  const item = await request.json();
  return Response.json(item, { headers: corsHeaders });
}
