export default function request() {
  return fetch('http://api.example.test/items/7', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"name":"lamp"}' });
}
