import { describe, expect, it } from 'vitest';
import { summarize } from './extract-requests.js';

describe('XMLHttpRequest requests', () => {
  it('reads open, setRequestHeader, withCredentials, upload listeners and send on one binding', () => {
    const code = `
export function upload(file, onProgress) {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://files.example.com/upload');
  xhr.setRequestHeader('X-File-Name', file.name);
  xhr.setRequestHeader('Origin', 'https://app.example.com');
  xhr.withCredentials = true;
  xhr.upload.onprogress = onProgress;
  xhr.upload.addEventListener('load', () => {});
  xhr.onload = () => console.log(xhr.status);
  xhr.send(file);
}
`;
    expect(summarize(code)).toEqual([
      {
        client: 'xhr',
        at: "xhr.open('POST', 'https://files.example.com/upload')",
        url: "https://files.example.com/upload @ 'https://files.example.com/upload'",
        method: "POST @ 'POST'",
        mode: 'absent',
        credentials: 'include @ xhr.withCredentials = true',
        headers: [
          {
            name: 'X-File-Name',
            value: undefined,
            at: "xhr.setRequestHeader('X-File-Name', file.name)",
          },
          {
            name: 'Origin',
            value: 'https://app.example.com',
            at: "xhr.setRequestHeader('Origin', 'https://app.example.com')",
          },
        ],
        headersComplete: true,
        body: 'unknown @ file',
        uploadListeners: [
          'xhr.upload.onprogress = onProgress',
          "xhr.upload.addEventListener('load', () => {})",
        ],
      },
    ]);
  });

  it('follows xhr.upload stored in a variable', () => {
    const code = `
const xhr = new XMLHttpRequest();
const upload = xhr.upload;
upload.onprogress = (event) => console.log(event.loaded);
upload.onload = null;
xhr.open('POST', 'https://files.example.com/upload');
xhr.send('data');
`;
    expect(summarize(code)[0]?.uploadListeners).toEqual([
      'upload.onprogress = (event) => console.log(event.loaded)',
    ]);
  });

  it('gives each open() the calls written up to the next one; a plain object body is sent as a string', () => {
    const code = `
const xhr = new XMLHttpRequest();
xhr.open('GET', '/api/first');
xhr.send();
xhr.open('PUT', '/api/second');
xhr.setRequestHeader('Content-Type', 'application/json');
xhr.send({ a: 1 });
`;
    expect(
      summarize(code).map(({ method, headers, body, credentials }) => ({
        method,
        headers: headers.map((write) => write.name),
        body,
        credentials,
      })),
    ).toEqual([
      { method: "GET @ 'GET'", headers: [], body: 'none', credentials: 'absent' },
      {
        method: "PUT @ 'PUT'",
        headers: ['Content-Type'],
        body: 'string @ { a: 1 }',
        credentials: 'absent',
      },
    ]);
  });

  it('marks requests incomplete when the object escapes or a header name is unknown', () => {
    const code = `
export function load(name) {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', 'https://api.example.com/items');
  xhr.setRequestHeader(name, 'x');
  addAuth(xhr);
  xhr.send(null);
}
`;
    expect(
      summarize(code).map(({ headersComplete, credentials, body }) => ({
        headersComplete,
        credentials,
        body,
      })),
    ).toEqual([
      {
        headersComplete: false,
        credentials: "unknown @ xhr.open('GET', 'https://api.example.com/items')",
        body: 'none',
      },
    ]);
  });

  it('ignores a shadowed XMLHttpRequest and an object not kept in a variable', () => {
    const code = `
import { XMLHttpRequest } from 'xhr2';
const xhr = new XMLHttpRequest();
xhr.open('GET', 'https://a.example.com/');
`;
    expect(summarize(code)).toEqual([]);
    expect(summarize(`this.xhr = new XMLHttpRequest();\nthis.xhr.open('GET', '/x');`)).toEqual([]);
  });
});
