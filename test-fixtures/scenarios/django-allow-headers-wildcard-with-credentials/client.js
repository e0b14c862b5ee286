export default function request() {
  return fetch('http://api.example.test/api/items/', { headers: { Authorization: 'Bearer token-123' }, credentials: 'include' });
}
