export default function request() {
  return fetch('http://api.example.test/profile', {
    method: 'PATCH',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ displayName: 'Ada L.' }),
  });
}
