// require-preflight-handler: cors() mounted only on the PUT route. The browser's preflight
// (OPTIONS /items/7) never reaches it: Express answers OPTIONS itself (200 + Allow) without CORS
// headers, so Chromium blocks the PUT. The suggestion adds app.options with the same middleware.
const express = require('express');
const cors = require('cors');

const app = express();

app.use(express.json());

app.put('/items/:id', cors({ origin: 'http://app.example.test' }), (req, res) => {
  res.json({ id: req.params.id, ...req.body });
});

module.exports = app;
