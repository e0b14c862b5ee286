// Route handler building a Headers object; indented with tabs.
// Ελληνικά, русский, 中文 — multi-byte text, as in the broken twin.
const ALLOWED_ORIGINS = ['https://app.example.com', 'https://beta.example.com'];

export async function GET(request) {
	const headers = new Headers({ 'Content-Type': 'application/json', Vary: 'Origin' });
	const origin = request.headers.get('Origin');
	if (origin !== null && ALLOWED_ORIGINS.includes(origin)) {
		headers.set('Access-Control-Allow-Origin', origin);
		headers.set('Access-Control-Allow-Credentials', 'true');
	}
	return new Response(JSON.stringify({ greeting: 'Καλημέρα' }), { headers });
}
