export default function request() {
  return fetch('http://api.example.test/api/items/', { headers: { 'X-Request-Id': 'req-1' } });
}
