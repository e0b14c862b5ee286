// The Express 4 README's pre-flight line. This repository uses Express 5, whose path syntax needs
// a named wildcard: '*' throws "Missing parameter name" and the server never starts.
import express from 'express';
import cors from 'cors';

const app = express();
const corsOptions = { origin: 'https://shop.example.com' };

app.options('*', cors(corsOptions));
app.use(cors(corsOptions));
app.delete('/cart/items/:id', (req, res) => res.status(204).end());

app.listen(3000);
