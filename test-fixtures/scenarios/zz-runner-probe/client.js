export default function request() {
  return fetch('http://api.example.test/items/1', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
}
