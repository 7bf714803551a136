import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodRange, rolling12, ytdPeriods } from '../src/period.ts';
import {
  type KpiFeedMonth,
  kpiFeedRollups,
  type SickLeaveMonth,
  sickLeaveRollups,
  suppressSmallSurveys,
} from '../src/rollup/index.ts';
import { type SuppressionNode, suppressedUnits } from '../src/suppression.ts';

const node = (id: string, parentId: string | null, employees: number | null): SuppressionNode => ({ id, parentId, employees });
const sorted = (set: Set<string>) => [...set].sort();

describe('suppressedUnits: the small-group rule', () => {
  it('suppresses a unit with 4 employees, not one with 5', () => {
    const nodes = [
      node('kommune', null, 100),
      node('lille', 'kommune', 4),
      node('mellem', 'kommune', 5),
      node('stor', 'kommune', 91),
    ];
    // lille (4) is hidden; the complementary rule then hides mellem, the smallest shown sibling (5 < 91)
    expect(sorted(suppressedUnits(nodes))).toEqual(['lille', 'mellem']);
  });

  it('treats 0 or unknown employees as nothing to show, not as a small group', () => {
    const nodes = [
      node('kommune', null, 50),
      node('tom', 'kommune', 0),
      node('ukendt', 'kommune', null),
      node('stor', 'kommune', 50),
    ];
    expect(sorted(suppressedUnits(nodes))).toEqual([]);
  });

  it('takes another minimum group size', () => {
    const nodes = [node('kommune', null, 40), node('a', 'kommune', 9), node('b', 'kommune', 10), node('c', 'kommune', 21)];
    expect(sorted(suppressedUnits(nodes, 10))).toEqual(['a', 'b']);
  });
});

describe('suppressedUnits: complementary suppression', () => {
  it('hides the shown sibling with the fewest employees', () => {
    // forvaltning 60 = 4 + 30 + 26: without a second hidden unit, 60 − 30 − 26 reveals the 4
    const nodes = [node('forv', null, 60), node('a1', 'forv', 4), node('a2', 'forv', 30), node('a3', 'forv', 26)];
    expect(sorted(suppressedUnits(nodes))).toEqual(['a1', 'a3']);
  });

  it('breaks a tie by the lowest id', () => {
    const nodes = [node('forv', null, 24), node('x', 'forv', 4), node('c', 'forv', 10), node('b', 'forv', 10)];
    expect(sorted(suppressedUnits(nodes))).toEqual(['b', 'x']);
  });

  it('adds nothing when two children are already hidden', () => {
    const nodes = [node('forv', null, 40), node('b1', 'forv', 3), node('b2', 'forv', 2), node('b3', 'forv', 35)];
    expect(sorted(suppressedUnits(nodes))).toEqual(['b1', 'b2']);
  });

  it('never hides the parent: its total includes the hidden units', () => {
    const nodes = [node('forv', null, 30), node('a', 'forv', 4), node('b', 'forv', 26)];
    expect(suppressedUnits(nodes).has('forv')).toBe(false);
  });

  it('skips siblings with no employees when choosing the complement', () => {
    const nodes = [
      node('forv', null, 24),
      node('a', 'forv', 4),
      node('lukket', 'forv', 0),
      node('ny', 'forv', null),
      node('b', 'forv', 20),
    ];
    expect(sorted(suppressedUnits(nodes))).toEqual(['a', 'b']);
  });

  it('has nothing to add for an only child, or when the only sibling is empty', () => {
    expect(sorted(suppressedUnits([node('p', null, 10), node('a', 'p', 4)]))).toEqual(['a']);
    expect(sorted(suppressedUnits([node('p', null, 10), node('a', 'p', 4), node('b', 'p', 0)]))).toEqual(['a']);
  });

  it('does not pair up roots: there is no total above them to subtract from', () => {
    expect(sorted(suppressedUnits([node('k1', null, 3), node('k2', null, 300)]))).toEqual(['k1']);
  });
});

describe('suppressedUnits: several levels', () => {
  // kommune 300
  // ├ f1 12        ├ u1 4 (small)  └ u2 8 (complement of u1)
  // │                               ├ u2a 5 (complement of u2b)  └ u2b 3 (small)
  // ├ f2 4 (small) ├ f2a 2 (small) └ f2b 2 (small)
  // └ f3 284       ├ f3a 150       └ f3b 134
  const tree = [
    node('kommune', null, 300),
    node('f1', 'kommune', 12),
    node('u1', 'f1', 4),
    node('u2', 'f1', 8),
    node('u2a', 'u2', 5),
    node('u2b', 'u2', 3),
    node('f2', 'kommune', 4),
    node('f2a', 'f2', 2),
    node('f2b', 'f2', 2),
    node('f3', 'kommune', 284),
    node('f3a', 'f3', 150),
    node('f3b', 'f3', 134),
  ];

  it('applies both rules in every sibling group', () => {
    // kommune's children: f2 is small, so f1 (12 < 284) is its complement
    expect(sorted(suppressedUnits(tree))).toEqual(['f1', 'f2', 'f2a', 'f2b', 'u1', 'u2', 'u2a', 'u2b']);
  });

  it('does not depend on the order of the nodes', () => {
    const expected = sorted(suppressedUnits(tree));
    fc.assert(
      fc.property(fc.shuffledSubarray(tree, { minLength: tree.length }), (shuffled) => {
        expect(sorted(suppressedUnits(shuffled))).toEqual(expected);
      }),
    );
  });
});

/** The rules as domain.md §4 states them (plus the downward rule), repeated until nothing changes. */
function suppressedByRepeatingTheRule(nodes: readonly SuppressionNode[], minGroupSize: number): Set<string> {
  const staffed = nodes.filter((n) => (n.employees ?? 0) > 0);
  const hidden = new Set(staffed.filter((n) => (n.employees ?? 0) < minGroupSize).map((n) => n.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const parent of new Set(staffed.map((n) => n.parentId))) {
      if (parent === null) continue;
      const siblings = staffed.filter((n) => n.parentId === parent);
      if (siblings.filter((n) => hidden.has(n.id)).length !== 1) continue;
      const shown = siblings.filter((n) => !hidden.has(n.id));
      const fewest = Math.min(...shown.map((n) => n.employees ?? 0));
      const pick = shown
        .filter((n) => n.employees === fewest)
        .map((n) => n.id)
        .sort()[0];
      if (pick !== undefined) {
        hidden.add(pick);
        changed = true;
      }
    }
    for (const id of [...hidden]) {
      const children = staffed.filter((n) => n.parentId === id);
      if (children.length === 0 || children.some((n) => hidden.has(n.id))) continue;
      const fewest = Math.min(...children.map((n) => n.employees ?? 0));
      hidden.add(
        children
          .filter((n) => n.employees === fewest)
          .map((n) => n.id)
          .sort()[0] as string,
      );
      changed = true;
    }
  }
  return hidden;
}

describe('suppressedUnits: downwards', () => {
  it('hides a child of a unit hidden as a complement, so the unit is not the sum of its children', () => {
    // p 100 ├ small 3 (hidden)  └ big 97 (complement) ├ b1 60  └ b2 37
    // With b1 and b2 shown, big = b1 + b2 and small = p − big. So b2 (fewest) and then b1 are hidden.
    const nodes = [
      node('p', null, 100),
      node('small', 'p', 3),
      node('big', 'p', 97),
      node('b1', 'big', 60),
      node('b2', 'big', 37),
    ];
    expect(sorted(suppressedUnits(nodes))).toEqual(['b1', 'b2', 'big', 'small']);
  });
});

describe('suppressedUnits: properties over random trees', () => {
  // node i hangs under a node before it, so every draw is a tree
  const randomTree = fc
    .array(
      fc.record({
        parentPick: fc.nat(),
        employees: fc.oneof(fc.constant(0), fc.constant(null), fc.integer({ min: 1, max: 12 })),
      }),
      {
        minLength: 1,
        maxLength: 30,
      },
    )
    .map((drawn) => drawn.map((d, i) => node(`u${i}`, i === 0 ? null : `u${d.parentPick % i}`, d.employees)));

  it('equals repeating the rule until nothing changes', () => {
    fc.assert(
      fc.property(randomTree, fc.integer({ min: 1, max: 8 }), (nodes, min) => {
        expect(sorted(suppressedUnits(nodes, min))).toEqual(sorted(suppressedByRepeatingTheRule(nodes, min)));
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a hidden unit whose staffed children are all shown', () => {
    fc.assert(
      fc.property(randomTree, (nodes) => {
        const hidden = suppressedUnits(nodes);
        for (const id of hidden) {
          const children = nodes.filter((n) => n.parentId === id && (n.employees ?? 0) > 0);
          if (children.length > 0) expect(children.some((c) => hidden.has(c.id))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no sibling group with exactly one hidden unit beside shown ones', () => {
    fc.assert(
      fc.property(randomTree, (nodes) => {
        const hidden = suppressedUnits(nodes);
        for (const parent of new Set(nodes.map((n) => n.parentId))) {
          const staffed = nodes.filter((n) => n.parentId === parent && parent !== null && (n.employees ?? 0) > 0);
          const hiddenCount = staffed.filter((n) => hidden.has(n.id)).length;
          if (staffed.length > 1) expect(hiddenCount).not.toBe(1);
        }
        for (const n of nodes) {
          if ((n.employees ?? 0) <= 0) expect(hidden.has(n.id)).toBe(false);
          else if ((n.employees ?? 0) < 5) expect(hidden.has(n.id)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('figures over several months (domain.md §4)', () => {
  // a: 4 employees in 2016-01…02 (hidden), 6 from 2016-03; b: never hidden. 2015-04 … 2016-03.
  const months = periodRange('2015-04', '2016-03').flatMap((period): SickLeaveMonth[] => {
    const small = period === '2016-01' || period === '2016-02';
    return [
      {
        orgId: 'a',
        period,
        countedHours: small ? 60 : 44.4,
        plannedHours: small ? 600 : 900,
        longTermHours: 0,
        headcount: small ? 4 : 6,
        fte: small ? 4 : 6,
        batchId: 1,
      },
      { orgId: 'b', period, countedHours: 222, plannedHours: 4440, longTermHours: 111, headcount: 30, fte: 25, batchId: 1 },
    ];
  });
  const hiddenMonths = new Set(['a|2016-01', 'a|2016-02']);
  const rows = sickLeaveRollups(months, '2016-01', '2016-03', (org, period) => hiddenMonths.has(`${org}|${period}`));
  const row = (org: string, period: string, kpiId: string) =>
    rows.find((r) => r.orgId === org && r.period === period && r.kpiId === kpiId);

  it('shows the month after the hidden ones, without its year to date or rolling 12 months', () => {
    expect(row('a', '2016-03', 'sick_leave_pct')).toMatchObject({ suppressed: false, numerator: 44.4, denominator: 900 });
    expect(row('a', '2016-03', 'sick_leave_pct')?.value).toBeCloseTo((44.4 / 900) * 100, 10);
    for (const kpiId of ['sick_leave_pct', 'long_term_share']) {
      expect(row('a', '2016-03', kpiId)).toMatchObject({ ytdValue: null, ytdNumerator: null, ytdDenominator: null, ytdN: null });
    }
    expect(row('a', '2016-03', 'sick_leave_days_per_fte')).toMatchObject({ suppressed: true, value: null, numerator: null });
    expect(row('a', '2016-01', 'sick_leave_pct')).toMatchObject({ suppressed: true, value: null, ytdValue: null });
  });

  it('keeps the year to date and the rolling 12 months of a unit never hidden', () => {
    // b 2016-03: 3 × 222 / (3 × 4.440) = 5 %; long-term 111 / 222 = 50 %; 12 × 30 days / 25 FTE = 14,4
    expect(row('b', '2016-03', 'sick_leave_pct')?.ytdValue).toBeCloseTo(5, 10);
    expect(row('b', '2016-03', 'long_term_share')?.ytdValue).toBeCloseTo(50, 10);
    expect(row('b', '2016-03', 'sick_leave_days_per_fte')?.value).toBeCloseTo(14.4, 10);
  });

  it('never shows a window over a hidden month, and hides none over shown months only', () => {
    const unitMonths = periodRange('2015-01', '2016-12');
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (flags) => {
        const hidden = new Set(unitMonths.filter((_, i) => flags[i]));
        const series = unitMonths.map((period): SickLeaveMonth => {
          return {
            orgId: 'u',
            period,
            countedHours: 74,
            plannedHours: 1480,
            longTermHours: 0,
            headcount: 10,
            fte: 9,
            batchId: 1,
          };
        });
        for (const r of sickLeaveRollups(series, '2015-01', '2016-12', (_, p) => hidden.has(p))) {
          const window = r.kpiId === 'sick_leave_days_per_fte' ? rolling12(r.period) : ytdPeriods(r.period);
          const windowHidden = window.some((p) => hidden.has(p));
          const shown = r.kpiId === 'sick_leave_days_per_fte' ? r.value !== null : r.ytdValue !== null;
          if (r.kpiId === 'sick_leave_days_per_fte' && r.period < '2015-12')
            expect(shown).toBe(false); // under 12 months
          else expect(shown).toBe(!windowHidden);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('judges a survey carried forward in the month it is from', () => {
    // 2016-11: s 3 answers (small), t 10 (complement), u 20. 2016-12: u alone, 4 answers.
    const survey: KpiFeedMonth[] = [
      { orgId: 'p', period: '2016-11', kpiId: 'wellbeing_score', numerator: 2510, denominator: 33, batchId: 1 },
      { orgId: 's', period: '2016-11', kpiId: 'wellbeing_score', numerator: 210, denominator: 3, batchId: 1 },
      { orgId: 't', period: '2016-11', kpiId: 'wellbeing_score', numerator: 800, denominator: 10, batchId: 1 },
      { orgId: 'u', period: '2016-11', kpiId: 'wellbeing_score', numerator: 1500, denominator: 20, batchId: 1 },
      { orgId: 'p', period: '2016-12', kpiId: 'wellbeing_score', numerator: 300, denominator: 4, batchId: 1 },
      { orgId: 'u', period: '2016-12', kpiId: 'wellbeing_score', numerator: 300, denominator: 4, batchId: 1 },
    ];
    const parentOf = (id: string) => (id === 'p' ? null : 'p');
    const rows = suppressSmallSurveys(kpiFeedRollups(survey, '2016-11', '2017-01'), survey, parentOf);
    const shownIn = (period: string) => rows.filter((r) => r.period === period && !r.suppressed).map((r) => r.orgId);
    expect(shownIn('2016-11')).toEqual(['p', 'u']);
    expect(rows.find((r) => r.orgId === 'p' && r.period === '2016-11')?.value).toBeCloseTo(2510 / 33, 10);
    // t's November value, hidden as the complement in November, stays hidden in December and January
    expect(rows.find((r) => r.orgId === 't' && r.period === '2016-12')).toMatchObject({
      suppressed: true,
      dataPeriod: '2016-11',
    });
    expect(shownIn('2016-12')).toEqual([]);
    expect(shownIn('2017-01')).toEqual([]);
  });
});
