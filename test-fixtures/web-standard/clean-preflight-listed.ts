// Preflight answer of a fetch handler with credentials; every list written out; tabs.
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: new Headers([
			['Access-Control-Allow-Origin', 'https://app.example.com'],
			['Access-Control-Allow-Credentials', 'true'],
			['Access-Control-Allow-Methods', 'GET, POST, PUT'],
			['Access-Control-Allow-Headers', 'Content-Type, Authorization'],
			['Access-Control-Max-Age', '600'],
		]),
	});
}
