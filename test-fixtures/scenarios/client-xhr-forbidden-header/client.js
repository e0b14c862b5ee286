export default function request() {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', 'http://api.example.test/profile');
    xhr.setRequestHeader('Cookie', 'session=abc123');
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(new TypeError('XMLHttpRequest network error'));
    xhr.send();
  });
}
