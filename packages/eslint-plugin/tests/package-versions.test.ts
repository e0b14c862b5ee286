import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledDependencyMajor, dependencyMajor } from '../src/utils/package-versions.js';

function project(packageJson: string): { root: string; file: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-versions-'));
  fs.mkdirSync(path.join(root, 'src', 'routes'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), packageJson);
  return { root, file: path.join(root, 'src', 'routes', 'items.js') };
}

describe('dependencyMajor', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the major from the nearest package.json that lists the package', () => {
    const { root, file } = project(JSON.stringify({ dependencies: { express: '^5.1.0' } }));
    expect(dependencyMajor(file, 'express')).toBe(5);
    // A nearer package.json that does not list it is skipped.
    fs.writeFileSync(
      path.join(root, 'src', 'package.json'),
      JSON.stringify({ name: 'inner', devDependencies: { cors: '2.8.5' } }),
    );
    const other = path.join(root, 'src', 'other.js');
    expect(dependencyMajor(other, 'express')).toBe(5);
    expect(dependencyMajor(other, 'cors')).toBe(2);
  });

  it('is unknown for tags, unions, bad JSON, relative names and packages nobody lists', () => {
    expect(
      dependencyMajor(
        project(JSON.stringify({ dependencies: { express: 'latest' } })).file,
        'express',
      ),
    ).toBeUndefined();
    expect(
      dependencyMajor(
        project(JSON.stringify({ dependencies: { express: '4 || 5' } })).file,
        'express',
      ),
    ).toBeUndefined();
    expect(dependencyMajor(project('{ not json').file, 'express')).toBeUndefined();
    expect(dependencyMajor('src/app.js', 'express')).toBeUndefined();
    expect(dependencyMajor(project('{}').file, 'a-package-nobody-lists')).toBeUndefined();
  });

  it('sees an upgrade once the short cache has expired (a long-lived editor server)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { root, file } = project(JSON.stringify({ dependencies: { express: '~4.21.2' } }));
    expect(dependencyMajor(file, 'express')).toBe(4);
    fs.writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ dependencies: { express: '^5.1.0' } }),
    );
    expect(dependencyMajor(file, 'express')).toBe(4);
    vi.setSystemTime(Date.now() + 6_000);
    expect(dependencyMajor(file, 'express')).toBe(5);
  });
});

describe('bundledDependencyMajor', () => {
  it("reads the range the nearest installed host package declares, not the project's", () => {
    const { root, file } = project(
      JSON.stringify({ dependencies: { '@fastify/cors': '^10.0.0' } }),
    );
    const host = path.join(root, 'node_modules', '@nestjs', 'platform-fastify');
    fs.mkdirSync(host, { recursive: true });
    fs.writeFileSync(
      path.join(host, 'package.json'),
      JSON.stringify({
        name: '@nestjs/platform-fastify',
        dependencies: { '@fastify/cors': '11.1.0' },
      }),
    );
    expect(bundledDependencyMajor(file, '@nestjs/platform-fastify', '@fastify/cors')).toBe(11);
    expect(bundledDependencyMajor(file, '@nestjs/platform-fastify', 'fastify')).toBeUndefined();
  });

  it('is unknown when the host is not installed', () => {
    expect(
      bundledDependencyMajor(project('{}').file, '@nestjs/platform-fastify', '@fastify/cors'),
    ).toBeUndefined();
    expect(
      bundledDependencyMajor('src/main.ts', '@nestjs/platform-fastify', '@fastify/cors'),
    ).toBeUndefined();
  });
});
