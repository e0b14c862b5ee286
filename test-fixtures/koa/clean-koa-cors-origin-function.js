// Two front ends share this Koa API: @koa/cors takes one origin, so an origin
// function answers each listed front end with its own origin.
import Koa from 'koa';
import Router from '@koa/router';
import cors from '@koa/cors';
import { pathToFileURL } from 'node:url';

const FRONT_ENDS = ['https://app.example.com', 'https://admin.example.com'];

export const app = new Koa();
const router = new Router();

app.use(
  cors({
    origin: (ctx) => (FRONT_ENDS.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT'],
  }),
);

router.get('/account', (ctx) => {
  ctx.body = { user: 'ada', email: 'ada@example.com' };
});
router.put('/account', (ctx) => {
  ctx.body = { updated: true };
});
app.use(router.routes());

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) app.listen(3000);
