// no-wildcard-origin-with-credentials on hono: `cors({ origin: '*', credentials: true })` sends
// `Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`, and browsers
// block every credentialed request. The suggestion names the app's origin instead.
const { Hono } = require('hono');
const { cors } = require('hono/cors');
const { getRequestListener } = require('@hono/node-server');

const app = new Hono();
app.use('*', cors({ origin: '*', credentials: true }));

app.get('/account', (c) => c.json({ id: 42, name: 'Ada' }));

module.exports = getRequestListener(app.fetch);
