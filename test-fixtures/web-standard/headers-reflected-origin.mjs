// Route handler building a Headers object; indented with tabs.
// Ελληνικά, русский, 中文 — multi-byte text before the finding.
export async function GET(request) {
	const headers = new Headers({ 'Content-Type': 'application/json' });
	headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '*');
	headers.set('Access-Control-Allow-Credentials', 'true');
	headers.append('Vary', 'Origin');
	return new Response(JSON.stringify({ greeting: 'Καλημέρα' }), { headers });
}
