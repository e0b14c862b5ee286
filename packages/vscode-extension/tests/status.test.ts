import { describe, expect, it } from 'vitest';
import { NO_WORK, statusView } from '../src/status.js';

const RUNNING = { kind: 'running' } as const;
const SLOW = { busy: false, overBudget: [{ uri: 'file:///w/bundle.js', budgetMs: 2500 }] };

describe('statusView', () => {
  it('says running, or checking while the server has been busy', () => {
    expect(statusView(RUNNING, NO_WORK, false, 'file:///w/a.js')).toEqual({
      text: 'CORS',
      detail: 'running',
      severity: 'information',
      busy: false,
    });
    expect(statusView(RUNNING, { ...NO_WORK, busy: true }, true, 'file:///w/a.js')).toEqual({
      text: 'CORS',
      detail: 'checking',
      severity: 'information',
      busy: true,
    });
  });

  it('warns about the shown document only when its check was stopped by cors.timeBudget', () => {
    expect(statusView(RUNNING, SLOW, false, 'file:///w/bundle.js')).toEqual({
      text: 'CORS: slow file',
      detail: 'not checked: it took over 2.5 s (cors.timeBudget)',
      severity: 'warning',
      busy: false,
    });
    expect(statusView(RUNNING, SLOW, false, 'file:///w/a.js').severity).toBe('information');
  });

  it('shows a server that could not start or stopped as an error, whatever the work said', () => {
    expect(
      statusView(
        { kind: 'failed', reason: 'the server crashed 5 times in the last 3 minutes' },
        SLOW,
        true,
        'file:///w/bundle.js',
      ),
    ).toEqual({
      text: 'CORS: stopped',
      detail: 'the server crashed 5 times in the last 3 minutes',
      severity: 'error',
      busy: false,
    });
    expect(statusView({ kind: 'starting' }, NO_WORK, false, undefined)).toMatchObject({
      detail: 'starting',
      busy: true,
    });
  });
});
