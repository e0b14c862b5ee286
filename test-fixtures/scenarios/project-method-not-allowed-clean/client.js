export default function request() {
  return fetch('http://api.example.test/orders/1', { method: 'DELETE' });
}
