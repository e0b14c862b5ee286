export default async function request() {
  const response = await fetch('http://api.example.test/events', { method: 'POST', mode: 'no-cors', body: 'page=home' });
  return response.type;
}
