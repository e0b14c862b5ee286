import { describe, expect, it } from 'vitest';
import {
  isSharedHostingDomain,
  SHARED_HOSTING_DOMAINS,
  sharedHostingDomainOf,
} from '../../src/origin/shared-hosting.js';

describe('shared hosting domains', () => {
  it('finds the domain a customer name lies under, the longest that matches', () => {
    expect(sharedHostingDomainOf('attacker.onrender.com')).toBe('onrender.com');
    expect(sharedHostingDomainOf('App.Netlify.APP')).toBe('netlify.app');
    expect(sharedHostingDomainOf('preview.myapp.vercel.app')).toBe('vercel.app');
    expect(sharedHostingDomainOf('myapp.up.railway.app')).toBe('up.railway.app');
  });

  it('finds nothing for the domain itself, look-alikes and other hosts', () => {
    expect(sharedHostingDomainOf('onrender.com')).toBeUndefined();
    expect(sharedHostingDomainOf('attackeronrender.com')).toBeUndefined();
    expect(sharedHostingDomainOf('example.com')).toBeUndefined();
    expect(sharedHostingDomainOf('railway.app')).toBeUndefined();
  });

  it('names whole domains only', () => {
    expect(isSharedHostingDomain('github.io')).toBe(true);
    expect(isSharedHostingDomain('GitHub.io')).toBe(true);
    expect(isSharedHostingDomain('myname.github.io')).toBe(false);
    expect(isSharedHostingDomain('io')).toBe(false);
  });

  it('lists each domain once, in lowercase, without dots at either end', () => {
    expect(new Set(SHARED_HOSTING_DOMAINS).size).toBe(SHARED_HOSTING_DOMAINS.length);
    for (const domain of SHARED_HOSTING_DOMAINS)
      expect(domain).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
  });
});
