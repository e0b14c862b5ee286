// Read-only feed served from an edge function for the company's own sites; tabs.
export default {
	async fetch(request) {
		const response = Response.json({ items: [] });
		response.headers.set('Access-Control-Allow-Origin', 'https://www.example.com');
		response.headers.append('Vary', 'Origin');
		return response;
	},
};
