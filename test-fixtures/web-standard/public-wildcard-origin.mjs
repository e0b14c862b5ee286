// Public read-only feed served from an edge function; tabs.
export default {
	async fetch(request) {
		const response = Response.json({ items: [] });
		response.headers.set('Access-Control-Allow-Origin', '*');
		return response;
	},
};
