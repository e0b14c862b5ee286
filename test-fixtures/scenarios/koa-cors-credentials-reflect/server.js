// no-reflected-origin-with-credentials on Koa 3: @koa/cors with `credentials: true` and no
// `origin` answers every request with its own Origin and allows credentials. The app works, and
// so does a page on http://attacker.test reading the user's account with their cookies. The
// suggestion names an explicit origin instead.
const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(cors({ credentials: true }));

app.use((ctx) => {
  if (ctx.method === 'GET' && ctx.path === '/account') ctx.body = { id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' };
});

module.exports = app.callback();
