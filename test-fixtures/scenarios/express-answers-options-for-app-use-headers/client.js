export default function request() {
  return fetch('http://api.example.test/items/7', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer token-123' },
    body: JSON.stringify({ done: true }),
  });
}
