// Checkouts of public repositories pinned to one commit, made from a local bare mirror (the
// `fetch` tool's /work/.mirror/<owner>+<name>/repo) or, without one, a shallow fetch of the commit.
// Shared by the benchmarks that lint real code in place (whole-apps/run.mjs, corpus-in-repos.mjs);
// the checkouts live outside this repository, since third-party code is never copied into it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function git(gitDir, args, { env, input, cwd } = {}) {
  const result = spawnSync('git', [`--git-dir=${gitDir}`, ...args], {
    cwd,
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return result;
}

function gitOk(gitDir, args, opts) {
  const result = git(gitDir, args, opts);
  if (result.status !== 0)
    throw new Error(`git ${args.join(' ')} failed (${gitDir}): ${result.stderr.trim()}`);
  return result.stdout;
}

/** The git directory holding the app's history: the local mirror, or a shallow fetch of the one commit. */
function gitDirFor(app, mirrorDir, appsDir) {
  const mirror = join(mirrorDir, app.mirror);
  if (existsSync(mirror)) return mirror;
  // No mirror on this machine: fetch only the pinned commit from GitHub (needs network).
  const cache = join(appsDir, '.git-cache', app.checkout);
  if (!existsSync(join(cache, 'HEAD'))) {
    mkdirSync(cache, { recursive: true });
    gitOk(cache, ['init', '--bare', '--quiet']);
  }
  if (git(cache, ['cat-file', '-e', `${app.commit}^{commit}`]).status !== 0) {
    process.stderr.write(
      `${app.repo}: no mirror at ${mirror}; fetching ${app.commit} from ${app.url}\n`,
    );
    gitOk(cache, ['fetch', '--quiet', '--depth', '1', app.url, app.commit]);
  }
  return cache;
}

/**
 * A temporary index holding the pinned tree minus the blobs the git directory does not have
 * (mirrors can lack a few large assets); returns the index path and the paths left out.
 */
function indexFor(gitDir, commit) {
  const index = join(tmpdir(), `whole-apps-${process.pid}-${Date.now()}.index`);
  gitOk(gitDir, ['read-tree', commit], { env: { GIT_INDEX_FILE: index } });
  const entries = gitOk(gitDir, ['ls-files', '-s', '-z'], { env: { GIT_INDEX_FILE: index } })
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      const [mode, sha] = meta.split(' ');
      return { mode, sha, path };
    })
    .filter((e) => e.mode !== '160000'); // submodules have no blob here
  const check = gitOk(gitDir, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
    input: entries.map((e) => e.sha).join('\n') + '\n',
  });
  const missingShas = new Set(
    check
      .split('\n')
      .filter((l) => l.endsWith(' missing'))
      .map((l) => l.split(' ')[0]),
  );
  const missing = entries.filter((e) => missingShas.has(e.sha)).map((e) => e.path);
  if (missing.length) {
    gitOk(gitDir, ['update-index', '--force-remove', '-z', '--stdin'], {
      env: { GIT_INDEX_FILE: index },
      input: missing.join('\0') + '\0',
    });
  }
  return { index, missing };
}

/** True when `dir` holds exactly the pinned tree (modulo blobs absent from the git directory). */
function matchesCommit(gitDir, dir, commit) {
  const { index } = indexFor(gitDir, commit);
  try {
    const env = { GIT_INDEX_FILE: index };
    git(gitDir, [`--work-tree=${dir}`, 'update-index', '-q', '--refresh'], { env, cwd: dir });
    const changed = git(gitDir, [`--work-tree=${dir}`, 'diff-files', '--name-only'], {
      env,
      cwd: dir,
    });
    if (changed.status !== 0 || changed.stdout.trim() !== '') return false;
    // Extra source files would be linted too; node_modules and gitignored files are skipped by cors-lint.
    const extra = git(
      gitDir,
      [`--work-tree=${dir}`, 'ls-files', '--others', '--exclude-standard'],
      { env, cwd: dir },
    );
    return (
      extra.status === 0 &&
      extra.stdout.split('\n').filter((p) => p && !p.split('/').includes('node_modules')).length ===
        0
    );
  } finally {
    rmSync(index, { force: true });
  }
}

/**
 * Makes sure appsDir/<checkout> holds the app at its pinned commit; returns its path.
 * `app`: { repo: 'owner/name', commit: full sha, checkout: folder name, mirror: path under mirrorDir, url }.
 */
export function ensureCheckout(app, appsDir, mirrorDir) {
  const dir = join(appsDir, app.checkout);
  const marker = join(appsDir, `${app.checkout}.commit`);
  if (existsSync(dir) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === app.commit)
    return dir;
  const gitDir = gitDirFor(app, mirrorDir, appsDir);
  if (git(gitDir, ['cat-file', '-e', `${app.commit}^{commit}`]).status !== 0) {
    throw new Error(`${app.repo}: commit ${app.commit} is not in ${gitDir}`);
  }
  if (existsSync(dir)) {
    if (matchesCommit(gitDir, dir, app.commit)) {
      writeFileSync(marker, `${app.commit}\n`);
      return dir;
    }
    process.stderr.write(`${app.repo}: ${dir} is not ${app.commit}; checking it out again\n`);
  } else {
    process.stderr.write(`${app.repo}: checking out ${app.commit} into ${dir}\n`);
  }
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const { index, missing } = indexFor(gitDir, app.commit);
  try {
    gitOk(gitDir, ['checkout-index', '-a', '-f', `--prefix=${partial}/`], {
      env: { GIT_INDEX_FILE: index },
      cwd: partial,
    });
  } finally {
    rmSync(index, { force: true });
  }
  if (missing.length)
    process.stderr.write(
      `${app.repo}: ${missing.length} blob(s) absent from the git directory, left out: ${missing.join(', ')}\n`,
    );
  rmSync(marker, { force: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  writeFileSync(marker, `${app.commit}\n`);
  return dir;
}
