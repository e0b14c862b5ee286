// An analytics client sending events in no-cors mode: the PUT throws, and the JSON type and the
// API key are dropped before the request leaves the browser.
const COLLECTOR = 'https://collect.example.net';

export function updateSession(id, data) {
  return fetch(`${COLLECTOR}/sessions/${id}`, { mode: 'no-cors', method: 'PUT', body: JSON.stringify(data) });
}

export function sendEvent(event, apiKey) {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  headers.set('X-Api-Key', apiKey);
  const request = new Request(`${COLLECTOR}/events`, { method: 'POST', mode: 'no-cors', headers, body: JSON.stringify(event) });
  return fetch(request);
}
