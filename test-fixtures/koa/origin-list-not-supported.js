// Two front ends share this Koa API. The origins were written as a list, as
// the `cors` package takes them — but @koa/cors has no list option: it sends
// the array as it is, one Access-Control-Allow-Origin line per entry, on every
// response, and browsers refuse a header with more than one value.
import Koa from 'koa';
import Router from '@koa/router';
import cors from '@koa/cors';
import { pathToFileURL } from 'node:url';

const FRONT_ENDS = ['https://app.example.com', 'https://admin.example.com'];

export const app = new Koa();
const router = new Router();

app.use(cors({ origin: FRONT_ENDS, credentials: true, allowMethods: ['GET', 'POST', 'PUT'] }));

router.get('/account', (ctx) => {
  ctx.body = { user: 'ada', email: 'ada@example.com' };
});
router.put('/account', (ctx) => {
  ctx.body = { updated: true };
});
app.use(router.routes());

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) app.listen(3000);
