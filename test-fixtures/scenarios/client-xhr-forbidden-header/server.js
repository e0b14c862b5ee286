// no-forbidden-request-header: an XMLHttpRequest sets a Cookie header. Chromium refuses it
// ("Refused to set unsafe header") and sends the GET without the script's cookie. The autofix
// removes the setRequestHeader call: the same GET arrives, as before.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/profile', (req, res) => {
  res.json({ name: 'Ada' });
});

module.exports = app;
