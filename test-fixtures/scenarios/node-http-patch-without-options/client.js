export default function request() {
  return fetch('http://api.example.test/items/7', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ done: true }) });
}
