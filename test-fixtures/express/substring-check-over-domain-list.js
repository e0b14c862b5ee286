// Partner widgets call this API from their own sites. The helper accepts an
// origin when it contains one of the partner domains — so does
// https://partner-shop.example.attacker.test, which anyone can register.
import express from 'express';
import cors from 'cors';

const PARTNER_DOMAINS = ['partner-shop.example', 'partner-news.example'];

function isPartnerOrigin(origin) {
  const normalized = origin.toLowerCase();
  return PARTNER_DOMAINS.some((domain) => normalized.indexOf(domain) !== -1);
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
