import { describe, expect, it } from 'vitest';
import { buildOrgTree, searchOrgTree } from '../src/lib/org-tree';
import { ORG_UNITS, unit } from './fixtures';

describe('org tree', () => {
  const tree = buildOrgTree(ORG_UNITS);

  it('finds the root and sorts children by name', () => {
    expect(tree.roots.map((u) => u.id)).toEqual(['849']);
    expect(tree.childrenOf('2000').map((u) => u.name)).toEqual(['Dagtilbud', 'Skole']);
  });

  it('gives the breadcrumb path from the kommune down', () => {
    expect(tree.pathTo('221010').map((u) => u.name)).toEqual([
      'Jammerbugt Kommune',
      'Børne- og Familieforvaltningen',
      'Skole',
      'Aabybro Skole',
    ]);
  });

  it('treats a unit whose parent is hidden as a top unit', () => {
    const partial = buildOrgTree([unit('2200', '2000', 'Skole', 'afdeling'), unit('221010', '2200', 'Aabybro Skole', 'enhed')]);
    expect(partial.roots.map((u) => u.id)).toEqual(['2200']);
    expect(partial.pathTo('221010').map((u) => u.id)).toEqual(['2200', '221010']);
  });

  it('searches case-insensitively and keeps the ancestors of matches visible', () => {
    const result = searchOrgTree(tree, 'skole');
    expect([...(result?.matches ?? [])].sort()).toEqual(['2200', '221010']);
    expect(result?.visible).toEqual(new Set(['849', '2000', '2200', '221010']));
    expect(searchOrgTree(tree, '  ')).toBeNull();
    expect(searchOrgTree(tree, 'BØRNE')?.matches).toEqual(new Set(['2000']));
  });
});
