// The same companion server, answering only its own UI's origin.
import { execFile } from 'node:child_process';
import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({ origin: 'http://localhost:5173' }));
app.use(express.json());

app.post('/api/run', (req, res) => {
  execFile(req.body.command, req.body.args ?? [], { cwd: req.body.cwd }, (error, stdout, stderr) => {
    res.json({ code: error ? error.code : 0, stdout, stderr });
  });
});

app.listen(3001, '127.0.0.1');
