export default function request() {
  return fetch('http://api.example.test/cart/items/KET-1', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ quantity: 2 }),
  });
}
