// Edge function (fetch handler) for the account page; indented with tabs.
export default {
	async fetch(request: Request): Promise<Response> {
		const account = { id: 'acct_1', plan: 'pro' };
		return new Response(JSON.stringify(account), {
			headers: {
				'Content-Type': 'application/json',
				'Access-Control-Allow-Origin': 'https://account.example.com',
				'Access-Control-Allow-Credentials': 'true',
				Vary: 'Origin',
			},
		});
	},
};
