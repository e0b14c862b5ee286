import { describe, expect, it } from 'vitest';
import { lintFileName } from '../src/documents.js';

describe('lintFileName', () => {
  it('lints Django settings modules among Python files, and no other Python file', () => {
    expect(lintFileName('file:///project/proj/settings.py', 'python')).toBe(
      '/project/proj/settings.py',
    );
    expect(lintFileName('file:///project/proj/settings/production.py', 'python')).toBe(
      '/project/proj/settings/production.py',
    );
    expect(lintFileName('file:///project/proj/urls.py', 'python')).toBeUndefined();
    expect(lintFileName('untitled:Untitled-1', 'python')).toBeUndefined();
  });

  it('keeps reading JavaScript and TypeScript as before', () => {
    expect(lintFileName('file:///project/server.js', 'javascript')).toBe('/project/server.js');
    expect(lintFileName('untitled:Untitled-1', 'typescript')).toBe('Untitled-1.ts');
  });
});
