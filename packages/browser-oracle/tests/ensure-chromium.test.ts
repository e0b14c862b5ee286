import { describe, expect, it } from 'vitest';
import { decide } from '../scripts/ensure-chromium.mjs';

describe('ensure-chromium', () => {
  it('does nothing when Chromium is installed, whoever runs it', () => {
    expect(decide({ installed: true, uid: 0 })).toBe('nothing');
    expect(decide({ installed: true, uid: 1000 })).toBe('nothing');
  });

  it('installs with apt-get as root', () => {
    expect(decide({ installed: false, uid: 0 })).toBe('install');
  });

  it('asks a normal user to install it', () => {
    expect(decide({ installed: false, uid: 1000 })).toBe('ask');
    expect(decide({ installed: false, uid: undefined })).toBe('ask');
  });
});
