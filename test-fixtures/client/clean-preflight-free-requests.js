// The same catalogue client sending simple requests: the browser picks the Content-Type of each
// body, and only the JSON write asks for a preflight, on purpose.
const API_ORIGIN = 'https://api.example.com';
const DEFAULT_HEADERS = { Accept: 'application/json' };

export async function listProducts() {
  const response = await fetch(`${API_ORIGIN}/products`, { headers: DEFAULT_HEADERS });
  return response.json();
}

export function uploadImage(form) {
  return fetch(`${API_ORIGIN}/images`, { method: 'POST', headers: { Accept: 'application/json' }, body: new FormData(form) });
}

export function importPrices(columns, rows) {
  const headers = new Headers();
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  return fetch(new Request(`${API_ORIGIN}/prices/import`, { method: 'POST', headers, body: `${columns}\n${rows.join('\n')}` }));
}

export function search(query) {
  return fetch(`${API_ORIGIN}/search`, { method: 'POST', body: new URLSearchParams({ q: query }) });
}

export function saveProduct(product) {
  return fetch(`${API_ORIGIN}/products`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(product) });
}
