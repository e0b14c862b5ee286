// Embeds API for documents opened from disk (file://), which send `Origin: null`.
const http = require('node:http');

http
  .createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', 'null');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.end('{}');
  })
  .listen(8083);
