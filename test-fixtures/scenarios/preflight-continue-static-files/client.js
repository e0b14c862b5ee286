export default function request() {
  return fetch('http://api.example.test/client.js', { headers: { 'X-Requested-With': 'fetch' } });
}
