import { describe, expect, it } from 'vitest';
import { REQUIRED, decide } from '../scripts/ensure-system-packages.mjs';

describe('ensure-system-packages', () => {
  it('does nothing when everything is installed, whoever runs it', () => {
    expect(decide({ missing: [], uid: 0 })).toBe('nothing');
    expect(decide({ missing: [], uid: 1000 })).toBe('nothing');
  });

  it('installs with apt-get as root', () => {
    expect(decide({ missing: ['chromium'], uid: 0 })).toBe('install');
  });

  it('asks a normal user to install them', () => {
    expect(decide({ missing: ['neovim'], uid: 1000 })).toBe('ask');
    expect(decide({ missing: ['neovim'], uid: undefined })).toBe('ask');
  });

  it('lists what the real-client tests drive', () => {
    expect(REQUIRED.map((item) => item.apt)).toEqual([
      'chromium',
      'neovim',
      'emacs-nox',
      'elpa-eglot',
      'ripgrep',
      'nginx-light',
      'python3-django',
      'python3-django-cors-headers',
      'python3-whitenoise',
      'libkrb5-dev',
    ]);
  });

  it('found everything on this machine (the test command installs it first)', () => {
    expect(REQUIRED.filter((item) => !item.present()).map((item) => item.apt)).toEqual([]);
  });
});
