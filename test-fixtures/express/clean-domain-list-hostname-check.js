// Partner widgets call this API from their own sites. The helper accepts an
// origin when its host name is a partner domain or one of its subdomains.
import express from 'express';
import cors from 'cors';

const PARTNER_DOMAINS = ['partner-shop.example', 'partner-news.example'];

function isPartnerOrigin(origin) {
  const { hostname } = new URL(origin);
  return PARTNER_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
}

const app = express();

app.use(
  '/widgets',
  cors({
    origin(origin, callback) {
      callback(null, !origin || isPartnerOrigin(origin));
    },
  }),
);

app.get('/widgets/stock/:sku', (req, res) => {
  res.json({ sku: req.params.sku, inStock: true });
});

export default app;
