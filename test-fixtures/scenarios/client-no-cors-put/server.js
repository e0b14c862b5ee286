// no-invalid-no-cors-request: a `mode: 'no-cors'` PUT. fetch throws a TypeError ("'PUT' is
// unsupported in no-cors mode.") and nothing reaches this server. The suggestion removes
// `mode: 'no-cors'`: the PUT is preflighted, cors() allows it, and it arrives.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));
app.use(express.text());

app.put('/items/:id', (req, res) => {
  res.json({ id: req.params.id, name: req.body });
});

module.exports = app;
