export default function request() {
  return fetch('http://api.example.test/api/items/', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'include' });
}
