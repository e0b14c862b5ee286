export default function request() {
  const event = new Request('http://api.example.test/events', { method: 'POST', mode: 'no-cors', headers: { 'X-Api-Key': 'key-123' }, body: 'page=home' });
  return fetch(event);
}
