import { describe, expect, it } from 'vitest';
import { planLineOfAccount, planLines, reconcilePlanYear } from '../src/index.ts';

describe('planLineOfAccount', () => {
  it('puts an account on the line of the resultatopgørelse the balance compares', () => {
    expect(planLineOfAccount('3.22.01', 1)).toBe('service');
    expect(planLineOfAccount('5.57.71', 2)).toBe('transfers'); // statsrefusion of a transfer
    expect(planLineOfAccount('5.68.90', 1)).toBe('service'); // in the range, but not a transfer
    expect(planLineOfAccount('0.25.11', 3)).toBe('capital');
    expect(planLineOfAccount('1.38.60', 3)).toBe('utilities'); // forsyning whatever the dranst
    expect(planLineOfAccount('7.68.90', 7)).toBe('taxes');
    expect(planLineOfAccount('7.62.80', 7)).toBe('grants_equalisation');
    expect(planLineOfAccount('7.55.79', 4)).toBe('interest');
    expect(planLineOfAccount('7.65.87', 7)).toBeNull(); // købsmoms: no compared line
    expect(planLineOfAccount('8.55.77', 6)).toBeNull(); // afdrag: balance, not compared
  });
});

describe('reconcilePlanYear', () => {
  it('sums the economy by line and compares with the plan, by hand', () => {
    const plan = { ...planLines([]), service: 1000, transfers: 300, interest: 5, taxes: -1400 };
    const lines = reconcilePlanYear(2016, plan, [
      { fn: '3.22.01', dranst: 1, amount: 600 },
      { fn: '4.62.85', dranst: 1, amount: 400 }, // service 600 + 400 = 1.000: agrees
      { fn: '5.57.71', dranst: 1, amount: 350 },
      { fn: '5.57.71', dranst: 2, amount: -100 }, // transfers 350 − 100 = 250; plan 300: +50
      { fn: '7.68.90', dranst: 7, amount: -1400 },
    ]);
    const line = (name: string) => lines.find((l) => l.line === name);
    expect(line('service')).toMatchObject({ plan: 1000, economy: 1000, difference: 0, status: 'agrees', reason: null });
    expect(line('transfers')).toMatchObject({ economy: 250, difference: 50, status: 'differs' });
    expect(line('taxes')?.status).toBe('agrees');
    expect(line('interest')).toMatchObject({ economy: null, difference: null, status: 'not_in_economy' });
    expect(line('capital')).toMatchObject({ plan: 0, economy: null, status: 'not_in_economy' });
    expect(line('service')?.name).toBe('Serviceudgifter');
  });

  it('names the missing year when the economy has no budget for it', () => {
    const lines = reconcilePlanYear(2017, planLines([]), []);
    expect(lines.every((l) => l.reason === 'økonomifeedet har intet oprindeligt budget for 2017')).toBe(true);
  });
});
