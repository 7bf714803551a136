import type { OrgUnit } from '@lis/contracts';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from '../../../lib/navigation';
import { type OrgTree, searchOrgTree } from '../../../lib/org-tree';
import './org.css';

interface OrgPickerProps {
  tree: OrgTree;
  currentId: string;
  /** where choosing a unit leads: the same page for that unit */
  hrefFor: (orgId: string) => string;
}

/**
 * A button opening a searchable tree of the units the user may see. Every unit is a link
 * (Tab, Enter, open in new tab); ↑/↓ move between units, → and ← open and close a branch, Esc closes.
 */
export function OrgPicker({ tree, currentId, hrefFor }: OrgPickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const ids = { panel: useId(), search: useId() };
  const search = useMemo(() => searchOrgTree(tree, query), [tree, query]);
  const current = tree.byId.get(currentId);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    setQuery('');
    if (returnFocus) requestAnimationFrame(() => buttonRef.current?.focus());
  };

  const toggleOpen = () => {
    if (open) return close(false);
    // Open on the current unit's branch.
    setExpanded(new Set(tree.pathTo(currentId).map((unit) => unit.id)));
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  });

  const setBranch = (id: string, isOpen: boolean) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      return close(true);
    }
    const items = [...(containerRef.current?.querySelectorAll<HTMLElement>('[data-picker-item]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const orgId = (document.activeElement as HTMLElement | null)?.dataset.orgId;
    const focus = (at: number) => items[Math.max(0, Math.min(items.length - 1, at))]?.focus();
    if (event.key === 'ArrowDown') focus(index + 1);
    else if (event.key === 'ArrowUp') focus(index - 1);
    else if (event.key === 'Home' && index > 0) focus(1);
    else if (event.key === 'End' && index > 0) focus(items.length - 1);
    else if (event.key === 'ArrowRight' && orgId) setBranch(orgId, true);
    else if (event.key === 'ArrowLeft' && orgId) setBranch(orgId, false);
    else return;
    event.preventDefault();
  };

  const isShown = (unit: OrgUnit) => search === null || search.visible.has(unit.id);
  const isOpen = (unit: OrgUnit) => search !== null || expanded.has(unit.id);
  const shownCount = search === null ? tree.byId.size : search.matches.size;

  const renderUnit = (unit: OrgUnit) => {
    const children = tree.childrenOf(unit.id).filter(isShown);
    const branchOpen = children.length > 0 && isOpen(unit);
    return (
      <li key={unit.id}>
        <div className="org-tree__row">
          {children.length > 0 ? (
            <button
              type="button"
              className="org-tree__toggle"
              aria-expanded={branchOpen}
              aria-label={`${branchOpen ? 'Skjul' : 'Vis'} underenheder af ${unit.name}`}
              onClick={() => setBranch(unit.id, !branchOpen)}
              tabIndex={-1}
            >
              <span aria-hidden="true">{branchOpen ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className="org-tree__toggle" aria-hidden="true" />
          )}
          <Link
            href={hrefFor(unit.id)}
            className="org-tree__link"
            aria-current={unit.id === currentId ? 'page' : undefined}
            data-picker-item=""
            data-org-id={unit.id}
            aria-expanded={children.length > 0 ? branchOpen : undefined}
            onClick={() => close(true)}
          >
            {search?.matches.has(unit.id) ? <mark>{unit.name}</mark> : unit.name}
            <span className="org-tree__level">{unit.level}</span>
          </Link>
        </div>
        {branchOpen && <ul className="org-tree">{children.map(renderUnit)}</ul>}
      </li>
    );
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys and Escape move between the picker's own buttons, links and search field
    <div className="org-picker" ref={containerRef} data-testid="org-picker" onKeyDown={onKeyDown}>
      <span className="org-picker__label" id={`${ids.panel}-label`}>
        Enhed
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="org-picker__button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={ids.panel}
        aria-describedby={`${ids.panel}-label`}
        onClick={toggleOpen}
      >
        <span className="org-picker__current">{current?.name ?? 'Vælg enhed'}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={ids.panel} className="org-picker__panel" role="dialog" aria-label="Vælg enhed">
          <label htmlFor={ids.search} className="org-picker__search-label">
            Søg efter enhed
          </label>
          <input
            id={ids.search}
            type="search"
            className="org-picker__search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="fx Skole eller Dagtilbud"
            autoComplete="off"
            data-picker-item=""
            // biome-ignore lint/a11y/noAutofocus: the dialog was opened to search, so focus belongs in the search field
            autoFocus
          />
          <p className="visually-hidden" aria-live="polite">
            {search === null ? '' : `${shownCount} ${shownCount === 1 ? 'enhed' : 'enheder'} fundet`}
          </p>
          {shownCount === 0 ? (
            <p className="org-picker__empty">Ingen enheder matcher “{query}”.</p>
          ) : (
            <ul className="org-tree org-tree--root">{tree.roots.filter(isShown).map(renderUnit)}</ul>
          )}
        </div>
      )}
    </div>
  );
}
