import { MAX_SAVED_PEER_GROUPS, PEER_GROUP_NAME_MAX_LENGTH } from '@lis/contracts';
import { MUNICIPALITIES, municipalityCount } from '@lis/domain';
import { useId, useMemo, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useSavePeerGroup } from '../api/peer-groups';
import { listParam } from '../lib/peer-selection';

interface PeerListPickerProps {
  /** the list in the URL, '787,860' */
  peers: string;
  own: { municipality: string; name: string };
  /** "Gem som" only for the roles that may save (admin, oekonom) */
  savesGroups: boolean;
  onApply: (peers: string) => void;
  /** the list is saved under `name`: the page then asks for it by that name */
  onSaved: (name: string) => void;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'da');
const REGIONS = [...new Set(MUNICIPALITIES.map((m) => m.region))].sort(byName);
const ALPHABETICAL = [...MUNICIPALITIES].sort((a, b) => byName(a.name, b.name));

/**
 * The own list: tick municipalities among the 98 (by region, searchable), then use the list or
 * save it under a name to pick it again later (and use it at once). Ticking does not fetch;
 * "Brug listen" and "Gem listen" do.
 */
export function PeerListPicker({ peers, own, savesGroups, onApply, onSaved }: PeerListPickerProps) {
  const ids = { search: useId(), name: useId(), status: useId() };
  const [draft, setDraft] = useState<ReadonlySet<string>>(() => new Set(peers.split(',')));
  // Another list chosen (back button, a saved list): start over from it.
  const [basis, setBasis] = useState(peers);
  if (basis !== peers) {
    setBasis(peers);
    setDraft(new Set(peers.split(',')));
  }
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const save = useSavePeerGroup();
  const list = listParam([...draft], own.municipality);
  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase('da');
    return ALPHABETICAL.filter(
      (m) => m.code !== own.municipality && (!needle || m.name.toLocaleLowerCase('da').includes(needle)),
    );
  }, [query, own.municipality]);

  const toggle = (code: string, on: boolean) =>
    setDraft((previous) => {
      const next = new Set(previous);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });

  const saveList = () => {
    const saved = name.trim();
    save.mutate({ name: saved, municipalities: list.split(',') }, { onSuccess: () => onSaved(saved) });
  };

  const count = list === '' ? 0 : list.split(',').length;
  return (
    <fieldset className="peer-list" data-testid="peer-list">
      <legend>Egen liste: {municipalityCount(count)} valgt</legend>
      <p className="peer-list__note">
        {own.name} er ikke på listen; den tages med eller ej efter valget “{own.name} med i gruppen”.
      </p>
      <label htmlFor={ids.search}>Søg kommune</label>
      <input id={ids.search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      <div className="peer-list__regions">
        {REGIONS.map((region) => {
          const members = shown.filter((m) => m.region === region);
          if (members.length === 0) return null;
          return (
            <fieldset key={region} className="peer-list__region">
              <legend>{region}</legend>
              {members.map((m) => (
                <label key={m.code} className="peer-list__item">
                  <input type="checkbox" checked={draft.has(m.code)} onChange={(e) => toggle(m.code, e.target.checked)} />
                  {m.name}
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <div className="peer-list__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={count === 0 || list === listParam(peers.split(','), own.municipality)}
          onClick={() => onApply(list)}
        >
          Brug listen
        </button>
        {savesGroups && (
          <span className="peer-list__save">
            <label htmlFor={ids.name}>Gem som</label>
            <input
              id={ids.name}
              type="text"
              value={name}
              maxLength={PEER_GROUP_NAME_MAX_LENGTH}
              onChange={(e) => setName(e.target.value)}
              placeholder="fx Vestlige nabokommuner"
            />
            <button
              type="button"
              className="button"
              disabled={count === 0 || name.trim() === '' || save.isPending}
              onClick={saveList}
            >
              Gem listen
            </button>
          </span>
        )}
      </div>
      <p id={ids.status} className="peer-list__status" aria-live="polite">
        {save.isError && saveErrorText(save.error)}
      </p>
    </fieldset>
  );
}

/** A list by the same name that is someone else's, the cap reached, or a failure. */
function saveErrorText(error: unknown): string {
  if (isApiError(error, 'peer_group_not_owner'))
    return 'Der er allerede en liste med det navn, som en anden har gemt. Vælg et andet navn.';
  if (isApiError(error, 'peer_group_limit'))
    return `Kommunen har allerede ${MAX_SAVED_PEER_GROUPS} gemte lister, det højeste antal. Slet en, før du gemmer en ny.`;
  return 'Listen kunne ikke gemmes. Prøv igen.';
}
