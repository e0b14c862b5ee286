export default function request() {
  return fetch('http://api.example.test/items/7');
}
