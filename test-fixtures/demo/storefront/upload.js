// Review photos, with a progress bar.
export function uploadPhoto(file, onProgress) {
  const form = new FormData();
  form.append('photo', file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'https://api.example.com/api/uploads');
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded / event.total));
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = reject;
    xhr.send(form);
  });
}
