// A dashboard widget that "fixed" a CORS error with mode: 'no-cors': the response is now opaque,
// so the status is 0 and json() rejects.
const API_ORIGIN = 'https://api.example.com';

export async function loadStats() {
  const response = await fetch(`${API_ORIGIN}/stats`, { mode: 'no-cors', credentials: 'include' });
  if (!response.ok) throw new Error(`Stats failed with ${response.status}`);
  return response.json();
}

export function loadNews(render) {
  return window
    .fetch('https://news.example.org/latest.json', { mode: 'no-cors' })
    .then((res) => res.json())
    .then(render);
}
