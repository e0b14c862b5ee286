#!/usr/bin/env node
// Checks CONTRIBUTING.md's commit convention on every commit made since the convention was
// checked (CHECKED_SINCE): a subject of at most 72 characters, and a body after a blank line on
// every commit that is not a merge. Older history is left as it is. Exits 1 naming each offender.
// Without git history (an exported tree, a shallow clone missing CHECKED_SINCE) it says so, exit 0.
import { spawnSync } from 'node:child_process';

const CHECKED_SINCE = 'f3cb258'; // the last commit before this check held every commit
const MAX_SUBJECT = 72;

function git(args) {
  return spawnSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
}

if (git(['cat-file', '-e', `${CHECKED_SINCE}^{commit}`]).status !== 0) {
  process.stdout.write(
    `commit subjects: ${CHECKED_SINCE} is not in this history; nothing checked\n`,
  );
  process.exit(0);
}
// One record per commit: hash, parent count, subject, body; separated by NUL bytes.
const log = git(['log', '-z', '--format=%h%x1f%p%x1f%s%x1f%b', `${CHECKED_SINCE}..HEAD`]);
if (log.status !== 0) {
  process.stderr.write(`commit subjects: git log failed: ${log.stderr.trim()}\n`);
  process.exit(2);
}
const problems = [];
const commits = log.stdout.split('\0').filter(Boolean);
for (const record of commits) {
  const [hash, parents, subject, body] = record.split('\x1f');
  if (subject.length > MAX_SUBJECT)
    problems.push(
      `${hash}: subject of ${subject.length} characters (at most ${MAX_SUBJECT}): ${subject}`,
    );
  const isMerge = parents.trim().split(' ').length > 1;
  if (!isMerge && !body.trim()) problems.push(`${hash}: no body saying why: ${subject}`);
}
for (const problem of problems) process.stderr.write(`${problem}\n`);
process.stdout.write(
  `commit subjects: ${commits.length - problems.length} of ${commits.length} commit(s) since ${CHECKED_SINCE} follow CONTRIBUTING.md\n`,
);
process.exit(problems.length ? 1 : 0);
