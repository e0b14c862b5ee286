export default function request() {
  return fetch('http://api.example.test/me', {
    headers: { Authorization: 'Bearer demo-token' },
  });
}
