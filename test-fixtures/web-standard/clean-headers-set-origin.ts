// Next.js route handler (app/api/products/route.ts): a shared Headers object already allows the
// origin, and the handler replaces it with Headers#set: one value.
const corsHeaders = () => new Headers({ 'Access-Control-Allow-Origin': 'https://shop.example.com' });

export async function GET(): Promise<Response> {
	const headers = corsHeaders();
	headers.set('Content-Type', 'application/json');
	const response = new Response(JSON.stringify([{ id: 1 }]), { headers });
	response.headers.set('Access-Control-Allow-Origin', 'https://shop.example.com');
	response.headers.set('Access-Control-Allow-Origin', 'https://shop.example.com');
	return response;
}
