import type { OrgUnit } from '@lis/contracts';
import { type ReactNode, useId, useState } from 'react';
import { Loading } from '../../../components/ui/query-state';
import { type OrgTree, searchOrgTree } from '../../../lib/org-tree';
import { useOrgTree } from '../../../lib/org-units';

/** The tree depth first, each unit with its depth, for an indented list. */
function flatten(tree: OrgTree): { unit: OrgUnit; depth: number }[] {
  const out: { unit: OrgUnit; depth: number }[] = [];
  const walk = (unit: OrgUnit, depth: number) => {
    out.push({ unit, depth });
    for (const child of tree.childrenOf(unit.id)) walk(child, depth + 1);
  };
  for (const root of tree.roots) walk(root, 0);
  return out;
}

interface UnitPickerProps {
  selected: readonly string[];
  onChange: (orgIds: string[]) => void;
  /** the server's message about the units, shown under the legend */
  error: ReactNode;
  invalid: boolean;
}

/** The units a chef rule gives (each with its subtree): a searchable, indented list of checkboxes. */
export function UnitPicker({ selected, onChange, error, invalid }: UnitPickerProps) {
  const tree = useOrgTree();
  const searchId = useId();
  const [query, setQuery] = useState('');
  if (!tree.data) return <Loading label="Henter enheder …" />;
  const found = searchOrgTree(tree.data, query);
  const rows = flatten(tree.data).filter(({ unit }) => !found || found.visible.has(unit.id));
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  const names = selected.map((id) => tree.data.byId.get(id)?.name ?? id);

  return (
    <fieldset className="unit-picker" aria-invalid={invalid || undefined} data-testid="unit-picker">
      <legend>Enheder (chefen ser dem med alle underenheder)</legend>
      {error}
      <p className="unit-picker__chosen" aria-live="polite">
        {names.length === 0 ? 'Ingen enheder valgt endnu.' : `Valgt: ${names.join(', ')}`}
      </p>
      <label htmlFor={searchId} className="visually-hidden">
        Søg enhed
      </label>
      <input
        id={searchId}
        type="search"
        placeholder="Søg enhed …"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul className="unit-picker__list">
        {rows.map(({ unit, depth }) => (
          <li key={unit.id} style={{ paddingInlineStart: `${depth * 1.1}rem` }}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(unit.id)}
                onChange={(event) => toggle(unit.id, event.target.checked)}
              />
              {unit.name}
            </label>
          </li>
        ))}
        {rows.length === 0 && <li>Ingen enheder passer til søgningen.</li>}
      </ul>
    </fieldset>
  );
}
