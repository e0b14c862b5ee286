// A catalogue client whose requests all preflight for nothing: a JSON Content-Type on GETs, the
// jQuery-era X-Requested-With, hand-set types on form bodies, and CSV text sent as text/csv.
const API_ORIGIN = 'https://api.example.com';
const DEFAULT_HEADERS = { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

export async function listProducts() {
  const response = await fetch(`${API_ORIGIN}/products`, { headers: DEFAULT_HEADERS });
  return response.json();
}

export function uploadImage(form) {
  return fetch(`${API_ORIGIN}/images`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: new FormData(form) });
}

export function importPrices(columns, rows) {
  const headers = new Headers();
  headers.set('Content-Type', 'text/csv; charset=utf-8');
  return fetch(new Request(`${API_ORIGIN}/prices/import`, { method: 'POST', headers, body: `${columns}\n${rows.join('\n')}` }));
}

export function search(query) {
  return fetch(`${API_ORIGIN}/search`, {
    method: 'POST',
    // The quotes make this otherwise safelisted type unsafe.
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset="UTF-8"' },
    body: new URLSearchParams({ q: query }),
  });
}
