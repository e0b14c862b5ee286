import { describe, expect, it } from 'vitest';
import { lintFileName } from '../src/documents.js';

describe('lintFileName', () => {
  it('lints JavaScript and TypeScript by extension, and untitled documents by language id', () => {
    expect(lintFileName('file:///srv/app/server.ts', 'typescript')).toBe('/srv/app/server.ts');
    expect(lintFileName('untitled:Untitled-1', 'javascript')).toBe('Untitled-1.js');
    expect(lintFileName('file:///srv/app/README.md', 'markdown')).toBeUndefined();
  });

  it('lints the names the plugin takes for nginx, whatever the editor calls them', () => {
    expect(lintFileName('file:///etc/nginx/sites-available/default', 'plaintext')).toBe(
      '/etc/nginx/sites-available/default',
    );
    expect(lintFileName('file:///srv/app/deploy/nginx.conf', 'nginx')).toBe(
      '/srv/app/deploy/nginx.conf',
    );
    expect(lintFileName('file:///etc/nginx/conf.d/api.conf', 'properties')).toBe(
      '/etc/nginx/conf.d/api.conf',
    );
  });

  it('lints another name the editor calls nginx as a .nginx file, and leaves other .conf files alone', () => {
    expect(lintFileName('file:///srv/app/proxy/api.conf', 'nginx')).toBe(
      '/srv/app/proxy/api.conf.nginx',
    );
    expect(lintFileName('untitled:Untitled-2', 'nginx')).toBe('Untitled-2.nginx');
    expect(lintFileName('file:///etc/supervisor/app.conf', 'plaintext')).toBeUndefined();
  });
});
