// A file upload with a progress bar, written with XMLHttpRequest because fetch has no upload
// progress. The Content-Length header is computed by the browser; setting it by hand only
// throws a console error ("Refused to set unsafe header") and does nothing.
export function uploadFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `https://files.example.com/uploads/${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Content-Length', String(file.size));
    xhr.upload.onprogress = (event) => onProgress(event.loaded / event.total);
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(`Upload failed: ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('Upload failed'));
    xhr.send(file);
  });
}
