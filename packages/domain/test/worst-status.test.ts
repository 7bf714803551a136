import { describe, expect, it } from 'vitest';
import { worstStatus } from '../src/status.ts';

describe('worstStatus', () => {
  it('is red when any KPI is red, else yellow, else green', () => {
    expect(worstStatus(['green', 'no_data', 'red', 'yellow'])).toBe('red');
    expect(worstStatus(['green', 'yellow', 'suppressed'])).toBe('yellow');
    expect(worstStatus(['no_target', 'green', 'no_data'])).toBe('green');
  });

  it('falls back to what is missing only when nothing was judged', () => {
    expect(worstStatus(['no_data', 'suppressed', 'no_target'])).toBe('no_target');
    expect(worstStatus(['no_data', 'suppressed'])).toBe('suppressed');
    expect(worstStatus([])).toBe('no_data');
  });
});
