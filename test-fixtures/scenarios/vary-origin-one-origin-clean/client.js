export default function request() {
  return fetch('http://api.example.test/profile', {});
}
