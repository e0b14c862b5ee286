export default function request() {
  return fetch('http://api.example.test/orders', { headers: { Authorization: 'Bearer token-123' } });
}
