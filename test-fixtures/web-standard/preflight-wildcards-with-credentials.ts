// Preflight answer of a fetch handler with credentials and wildcard lists; tabs.
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: new Headers([
			['Access-Control-Allow-Origin', 'https://app.example.com'],
			['Access-Control-Allow-Credentials', 'true'],
			['Access-Control-Allow-Methods', 'GET, POST, *'],
			['Access-Control-Allow-Headers', '*'],
			['Access-Control-Max-Age', '-1'],
		]),
	});
}
