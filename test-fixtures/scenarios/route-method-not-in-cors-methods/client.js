export default function request() {
  return fetch('http://api.example.test/cart/items/KET-1', { method: 'DELETE' });
}
