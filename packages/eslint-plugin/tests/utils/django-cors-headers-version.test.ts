import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinnedVersion } from '../../src/utils/django-cors-headers-version.js';

/** The pin read for `<project>/site/settings.py` when the project holds `files`. */
function pinFor(files: Record<string, string>): string | undefined {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-django-pin-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return pinnedVersion(path.join(root, 'site', 'settings.py'));
}

describe('pinnedVersion: the django-cors-headers pin next to a settings module', () => {
  it('reads exact pins in requirements files, whatever the name’s spelling', () => {
    expect(pinFor({ 'requirements.txt': 'django-cors-headers==4.3.1\n' })).toBe('4.3.1');
    expect(
      pinFor({
        'requirements-prod.txt': 'Django_CORS.Headers === 3.14.0 ; python_version >= "3.8"\n',
      }),
    ).toBe('3.14.0');
    expect(pinFor({ 'requirements/base.txt': 'django-cors-headers==3.4.0 # pinned\n' })).toBe(
      '3.4.0',
    );
    // In the settings module's own folder too, and the nearest folder wins.
    expect(
      pinFor({
        'requirements.txt': 'django-cors-headers==4.3.1\n',
        'site/requirements.txt': 'django-cors-headers==3.4.0\n',
      }),
    ).toBe('3.4.0');
  });

  it('takes a range only when every version in it has the same facts', () => {
    expect(pinFor({ 'requirements.txt': 'django-cors-headers~=3.14\n' })).toBe('3.14');
    expect(pinFor({ 'requirements.txt': 'django-cors-headers>=4.3,<5\n' })).toBe('4.3');
    // 4.0 to 5: the 4.3.0 change lies inside.
    expect(pinFor({ 'requirements.txt': 'django-cors-headers>=4.0,<5\n' })).toBeUndefined();
    expect(pinFor({ 'requirements.txt': 'django-cors-headers>=3.5\n' })).toBeUndefined();
    expect(pinFor({ 'requirements.txt': 'django-cors-headers\n' })).toBeUndefined();
    // A nearer file that names the package without a pin hides a farther pin: that pin is not this project's.
    expect(
      pinFor({
        'requirements.txt': 'django-cors-headers==3.4.0\n',
        'site/requirements.txt': 'django-cors-headers\n',
      }),
    ).toBeUndefined();
  });

  it('reads pyproject.toml (PEP 621 and Poetry), Pipfile and Pipfile.lock', () => {
    expect(
      pinFor({
        'pyproject.toml':
          '[project]\ndependencies = [\n  "django>=4.2",\n  "django-cors-headers==4.4.0",\n]\n',
      }),
    ).toBe('4.4.0');
    // Poetry reads a bare version as ^version: 4.3.0 up to 5, one set of facts.
    expect(
      pinFor({ 'pyproject.toml': '[tool.poetry.dependencies]\ndjango-cors-headers = "4.3.0"\n' }),
    ).toBe('4.3.0');
    expect(
      pinFor({
        'pyproject.toml':
          '[tool.poetry.dependencies]\ndjango-cors-headers = { version = "^3.6", extras = [] }\n',
      }),
    ).toBe('3.6');
    expect(pinFor({ Pipfile: '[packages]\ndjango-cors-headers = "==3.13.0"\n' })).toBe('3.13.0');
    expect(
      pinFor({
        'Pipfile.lock': JSON.stringify({
          default: { 'django-cors-headers': { version: '==3.4.0' } },
          develop: {},
        }),
      }),
    ).toBe('3.4.0');
  });

  it('is unknown without a file naming the package, and for a relative path', () => {
    expect(
      pinFor({ 'requirements.txt': 'Django==4.2\ndjango-cors-headers-extra==1.0\n' }),
    ).toBeUndefined();
    expect(pinnedVersion('site/settings.py')).toBeUndefined();
  });
});
