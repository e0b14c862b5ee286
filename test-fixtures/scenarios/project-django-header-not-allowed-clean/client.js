export default function request() {
  return fetch('http://api.example.test/api/items/', { headers: { 'X-Api-Key': 'key-123' } });
}
