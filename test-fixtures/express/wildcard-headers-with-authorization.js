// Token API without cookies: clients send `Authorization: Bearer …`.
// '*' in Access-Control-Allow-Headers does not cover Authorization.
import express from 'express';
import cors from 'cors';

const app = express();

app.use('/api', cors({ origin: ['https://app.example.com'], allowedHeaders: '*' }));

app.get('/api/profile', (req, res) => {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  res.json({ signedIn: token.length > 0 });
});

export default app;
