export default function request() {
  return fetch('http://api.example.test/notes', { method: 'POST', headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' }, body: 'buy milk' });
}
