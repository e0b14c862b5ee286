// The same client, leaving Origin and the CORS response headers to the browser and the server.
const API = 'https://api.example.com';

export async function getProfile(token: string): Promise<unknown> {
  const response = await fetch(`${API}/me`, {
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
    },
  });
  return response.json();
}

export function keepAlive(): Promise<Response> {
  const headers = new Headers([['X-Client', 'dashboard']]);
  headers.append('Accept', 'text/plain');
  return fetch(`${API}/ping`, { headers, keepalive: true });
}
