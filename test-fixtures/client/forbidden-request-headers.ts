// A client trying to pass the server's CORS check by setting headers the browser owns.
const API = 'https://api.example.com';

export async function getProfile(token: string): Promise<unknown> {
  const response = await fetch(`${API}/me`, {
    headers: {
      Authorization: `Bearer ${token}`,
      Origin: 'https://app.example.com',
      'Access-Control-Allow-Origin': '*',
    },
  });
  return response.json();
}

export function keepAlive(): Promise<Response> {
  const headers = new Headers([['Connection', 'keep-alive']]);
  headers.append('Sec-Fetch-Mode', 'cors');
  return fetch(`${API}/ping`, { headers });
}
