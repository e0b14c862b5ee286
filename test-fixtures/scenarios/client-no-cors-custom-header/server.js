// no-invalid-no-cors-request: a `mode: 'no-cors'` Request with an X-Api-Key header. The browser
// drops the header without an error, so the event arrives without its key. The suggestion removes
// `mode: 'no-cors'`: the header is preflighted, cors() allows it, and it arrives.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.post('/events', (req, res) => {
  res.status(202).json({ accepted: true });
});

module.exports = app;
