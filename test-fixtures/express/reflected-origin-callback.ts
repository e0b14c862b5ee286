// Reporting API (TypeScript). The origin callback approves every caller, which with
// credentials lets any site read a signed-in user's reports.
import express, { type Request, type Response } from 'express';
import cors, { type CorsOptions } from 'cors';

const corsOptions: CorsOptions = {
  origin: (origin: string | undefined, callback: (err: Error | null, allow?: boolean) => void) => {
    callback(null, true);
  },
  credentials: true,
};

const app = express();
app.use(cors(corsOptions));

app.get('/reports', (req: Request, res: Response) => {
  res.json({ owner: (req as Request & { user?: { id: string } }).user?.id });
});

export default app;
