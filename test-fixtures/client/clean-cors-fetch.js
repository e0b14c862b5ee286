// The same widget with a CORS request: the API sends Access-Control-Allow-Origin for this page.
const API_ORIGIN = 'https://api.example.com';

export async function loadStats() {
  const response = await fetch(`${API_ORIGIN}/stats`, { credentials: 'include' });
  if (!response.ok) throw new Error(`Stats failed with ${response.status}`);
  return response.json();
}

export function loadNews(render) {
  return window
    .fetch('https://news.example.org/latest.json')
    .then((res) => res.json())
    .then(render);
}

// A same-origin no-cors request gets a basic response, readable as usual.
export async function loadLocal() {
  const response = await fetch('/api/local', { mode: 'no-cors' });
  return response.json();
}
