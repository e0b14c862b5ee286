import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyOfFixture, REPO } from './helpers.js';

const WORKFLOW = path.join(REPO, 'packages', 'cli', 'examples', 'github-actions', 'cors.yml');

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe('the GitHub Actions example', () => {
  const workflow = parse(fs.readFileSync(WORKFLOW, 'utf8')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const lint = steps.find((step) => step.id === 'cors-lint');
  const upload = steps.find(
    (step) => step.uses?.startsWith('github/codeql-action/upload-sarif') === true,
  );

  it('runs on pull requests, may write code-scanning alerts, and uploads the file the lint step writes', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.permissions['security-events']).toBe('write');
    expect(lint?.run).toBeDefined();
    expect(upload?.if).toMatch(/always\(\)/);
    const written = /> (\S+\.sarif)\s*$/.exec(lint?.run ?? '')?.[1];
    expect(upload?.with?.['sarif_file']).toBe(written);
  });

  it("runs its lint step's command in a project with cors-lint installed: SARIF out, exit code 1 on findings", () => {
    const project = copyOfFixture('demo');
    // What `npm install --save-dev cors-lint` leaves for npx to find.
    fs.mkdirSync(path.join(project, 'node_modules', '.bin'), { recursive: true });
    fs.symlinkSync(
      path.join(REPO, 'packages', 'cli', 'bin', 'cors-lint.js'),
      path.join(project, 'node_modules', '.bin', 'cors-lint'),
    );
    const result = spawnSync('bash', ['-e', '-c', lint?.run ?? 'false'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(project, 'cors-lint.sarif'), 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toHaveLength(15);
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toContain('cors/no-null-origin');
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toContain(
      'cors/nginx-no-dropped-cors-headers',
    );
  });
});
