// no-forbidden-request-header: the client sets a Cookie header. Browsers drop it without an error,
// so the request arrives without the script's cookie. The autofix removes the header: the same GET
// arrives, as before.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/profile', (req, res) => {
  res.json({ name: 'Ada' });
});

module.exports = app;
