export default function request() {
  return fetch('http://api.example.test/orders/7', {
    method: 'PUT',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ quantity: 2 }),
  });
}
