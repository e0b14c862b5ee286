// Fire-and-forget analytics that fit no-cors: POST, a text/plain body, and the response only
// checked for being opaque.
const COLLECTOR = 'https://collect.example.net';

export function sendEvent(event) {
  const headers = new Headers({ 'Content-Type': 'text/plain;charset=UTF-8' });
  headers.set('Accept-Language', 'en');
  const request = new Request(`${COLLECTOR}/events`, { method: 'POST', mode: 'no-cors', headers, body: JSON.stringify(event) });
  return fetch(request).then((response) => response.type === 'opaque');
}
