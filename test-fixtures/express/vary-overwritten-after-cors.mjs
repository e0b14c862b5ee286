// Express 5 report download: cors() answers with the caller's origin and appends Vary: Origin,
// then the handler sets Vary and throws Origin away, so caches mix up the two front ends.
import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], exposedHeaders: ['Content-Disposition'] }));

app.get('/reports/{*name}', (req, res) => {
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Content-Disposition', `attachment; filename="${req.params.name.join('-')}.csv"`);
  res.type('text/csv').send('id,total\n1,42\n');
});

app.listen(3000);
