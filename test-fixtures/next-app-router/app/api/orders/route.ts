// A Next.js App Router route handler answering two front ends with their own origin, with
// neither Vary: Origin nor the exposed total it sends along.
const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

export async function GET(request: Request) {
  const origin = request.headers.get('origin') ?? '';
  const allowed = ALLOWED_ORIGINS.includes(origin);
  return Response.json([{ id: 7 }], {
    headers: {
      'Access-Control-Allow-Origin': allowed ? origin : ALLOWED_ORIGINS[0],
      'X-Total-Count': '1',
    },
  });
}
