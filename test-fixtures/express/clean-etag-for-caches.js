// A catalog API read by the shop's pages on another origin. ETag and Last-Modified are for the
// browser's HTTP cache, which revalidates with them whether or not scripts can read them, so hiding
// them from cross-origin scripts breaks nothing. (The strict config reports them anyway.)
import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({ origin: 'https://shop.example.com' }));

app.get('/catalog/:id', (req, res) => {
  const item = { id: req.params.id, name: 'Teapot', updatedAt: '2026-11-30T10:00:00Z' };
  res.set('ETag', `"${item.id}-${item.updatedAt}"`);
  res.set('Last-Modified', new Date(item.updatedAt).toUTCString());
  res.json(item);
});

app.listen(3000);
