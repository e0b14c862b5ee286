// Express 4 router: cors() is mounted on the router with a path, and a route under that path
// appends the header again. Two Access-Control-Allow-Origin lines reach the browser.
const express = require('express');
const cors = require('cors');

const app = express();
const router = express.Router();

router.use('/orders', cors({ origin: 'https://admin.example.com' }));
router.options('*', cors({ origin: 'https://admin.example.com' }));

router.get('/orders/:id', function showOrder(req, res) {
  res.append('Access-Control-Allow-Origin', 'https://admin.example.com');
  res.send({ id: req.params.id });
});

app.use('/api', router);
app.listen(8080);
