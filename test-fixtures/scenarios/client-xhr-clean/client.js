export default function request() {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'http://api.example.test/notes');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(new TypeError('XMLHttpRequest network error'));
    xhr.send('{"text":"buy milk"}');
  });
}
