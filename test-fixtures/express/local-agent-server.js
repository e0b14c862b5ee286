// The local companion server of a coding agent: the editor UI on http://localhost:5173 calls it to
// run commands in the user's project. `cors()` lets every website the user visits do the same.
import { execFile } from 'node:child_process';
import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors());
app.use(express.json());

app.post('/api/run', (req, res) => {
  execFile(req.body.command, req.body.args ?? [], { cwd: req.body.cwd }, (error, stdout, stderr) => {
    res.json({ code: error ? error.code : 0, stdout, stderr });
  });
});

app.listen(3001);
