export default function request() {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'http://api.example.test/uploads');
    xhr.upload.onprogress = (event) => console.log(`uploaded ${event.loaded} bytes`);
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(new TypeError('XMLHttpRequest network error'));
    xhr.send('a line of text to upload');
  });
}
