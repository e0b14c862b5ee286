export default function request() {
  return fetch('http://api.example.test/profile', { headers: { Cookie: 'session=abc123' } });
}
