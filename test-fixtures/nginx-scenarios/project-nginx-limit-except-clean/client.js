export default function request() {
  return fetch('http://api.example.test/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"item":"lamp"}' });
}
