// @koa/cors with credentials and no origin: '*' is replaced by the caller's Origin, so every site
// can read the signed-in user's account with their cookies.
import Koa from 'koa';
import Router from '@koa/router';
import cors from '@koa/cors';
import { pathToFileURL } from 'node:url';

export const app = new Koa();
const router = new Router();

app.use(cors({ credentials: true, allowMethods: ['GET', 'POST', 'PUT'] }));

router.get('/account', (ctx) => {
  ctx.body = { user: 'ada', email: 'ada@example.com' };
});
router.put('/account', (ctx) => {
  ctx.body = { updated: true };
});
app.use(router.routes());

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) app.listen(3000);
