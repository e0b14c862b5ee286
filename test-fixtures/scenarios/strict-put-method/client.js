export default function request() {
  return fetch('http://api.example.test/items/7', { method: 'PUT', body: 'done' });
}
