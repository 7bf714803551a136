import { METHOD_NAMES, municipalityCount, PEER_GROUP_KIND_NAMES } from '@lis/domain';
import { useId, useRef, useState } from 'react';
import { savedPeers, savedPeersName } from '../../../lib/url-state';
import type { BenchmarkArea } from '../api/get-areas';
import type { BenchmarkInput } from '../api/get-benchmark';
import type { PeerGroup } from '../api/peer-groups';
import { CUSTOM, listParam, peersForChoice, savedGroupOf, selectValue } from '../lib/peer-selection';
import { offersSourceChoice, SOURCE_NAMES, yearsOf } from '../lib/source-choice';
import { PeerListPicker } from './peer-list-picker';
import { SavedGroup } from './saved-group';

interface BenchmarkControlsProps {
  state: BenchmarkInput;
  areas: BenchmarkArea[];
  groups: PeerGroup[];
  /** the own municipality's code, never part of a list: "egen kommune med" decides */
  own: { municipality: string; name: string };
  /** the role may save lists (the API's benchmark:write); without it the own list is only used */
  savesGroups: boolean;
  onChange: (change: Partial<BenchmarkInput>) => void;
}

const METHODS = Object.entries(METHOD_NAMES) as [BenchmarkInput['method'], string][];
const SOURCES = Object.entries(SOURCE_NAMES) as [BenchmarkInput['source'], string][];

/**
 * Area, year, peer group (with the own list, or the chosen saved list and its delete), method, own
 * municipality in or out, need adjustment.
 */
export function BenchmarkControls({ state, areas, groups, own, savesGroups, onChange }: BenchmarkControlsProps) {
  const ids = { area: useId(), year: useId(), source: useId(), peers: useId(), method: useId(), own: useId(), need: useId() };
  const shownArea = areas.find((a) => a.area === state.area);
  const years = yearsOf(shownArea, state.source, state.year);
  const peerChoice = selectValue(state.peers);
  const peerSelect = useRef<HTMLSelectElement>(null);
  // What became of a saved list, said until the next choice of peers.
  const [notice, setNotice] = useState<{ peers: string; text: string } | null>(null);
  const savedName = savedPeersName(state.peers);
  const savedGroup = savedGroupOf(state.peers, groups);
  const builtIns = groups.some((group) => group.builtIn)
    ? groups.filter((group) => group.builtIn)
    : Object.entries(PEER_GROUP_KIND_NAMES).map(([name, description]) => ({ name, description }));
  const saved = groups.filter((group) => !group.builtIn);

  const choosePeers = (peers: string, text: string) => {
    setNotice({ peers, text });
    onChange({ peers });
  };
  // The name no longer answers: the same municipalities as an own list, which can be saved again.
  const onDeleted = (group: PeerGroup) => {
    choosePeers(
      listParam(group.municipalities, own.municipality),
      `Listen “${group.name}” er slettet. Sammenligningen vises nu som egen liste.`,
    );
    peerSelect.current?.focus();
  };

  // the own figures stay chosen where the store answers the new area's year
  const chooseArea = (area: string) => {
    const next = areas.find((a) => a.area === area);
    const source = state.source === 'store' && next?.storeYears.includes(state.year) ? 'store' : 'statbank';
    const available = next?.years ?? [];
    onChange({ area, source, year: source === 'store' || available.includes(state.year) ? state.year : Math.max(...available) });
  };
  // back to the imported figures: a year only the store has becomes the latest imported one
  const chooseSource = (source: BenchmarkInput['source']) => {
    const available = shownArea?.years ?? [];
    const keepsYear = source === 'store' || available.includes(state.year) || available.length === 0;
    onChange({ source, year: keepsYear ? state.year : Math.max(...available) });
  };

  return (
    <form className="benchmark-controls" aria-label="Vælg sammenligning" onSubmit={(event) => event.preventDefault()}>
      <div className="control">
        <label htmlFor={ids.area}>Område</label>
        <select id={ids.area} data-testid="area-select" value={state.area} onChange={(e) => chooseArea(e.target.value)}>
          {areas.map((area) => (
            <option key={area.area} value={area.area}>
              {area.name}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={ids.year}>År</label>
        <select
          id={ids.year}
          data-testid="year-select"
          value={state.year}
          onChange={(e) => onChange({ year: Number(e.target.value) })}
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {offersSourceChoice(shownArea, state.year, state.source) && (
        <div className="control">
          <label htmlFor={ids.source}>Kilde</label>
          <select
            id={ids.source}
            data-testid="source-select"
            value={state.source}
            onChange={(e) => chooseSource(e.target.value as BenchmarkInput['source'])}
          >
            {SOURCES.map(([source, name]) => (
              <option key={source} value={source}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="control control--wide">
        <label htmlFor={ids.peers}>Sammenligningsgruppe</label>
        <select
          ref={peerSelect}
          id={ids.peers}
          data-testid="peer-group-select"
          // an own list starts from the members of the group shown, which come with the groups
          disabled={groups.length === 0}
          value={peerChoice}
          onChange={(e) => onChange({ peers: peersForChoice(e.target.value, state.peers, groups, own.municipality) })}
        >
          {builtIns.map((group) => (
            <option key={group.name} value={group.name}>
              {group.description}
            </option>
          ))}
          {(saved.length > 0 || savedName !== null) && (
            <optgroup label="Gemte lister">
              {saved.map((group) => (
                <option key={group.name} value={savedPeers(group.name)}>
                  {group.name} ({municipalityCount(group.municipalities.length)})
                </option>
              ))}
              {/* a name in the URL that is not (or not yet) among the lists still shows as chosen */}
              {savedName !== null && savedGroup === null && <option value={state.peers}>{savedName}</option>}
            </optgroup>
          )}
          <option value={CUSTOM}>Egen liste …</option>
        </select>
      </div>
      <div className="control control--wide">
        <label htmlFor={ids.method}>Metode</label>
        <select
          id={ids.method}
          data-testid="method-select"
          value={state.method}
          onChange={(e) => onChange({ method: e.target.value as BenchmarkInput['method'] })}
        >
          {METHODS.map(([method, name]) => (
            <option key={method} value={method}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="control control--check">
        <input
          id={ids.own}
          type="checkbox"
          data-testid="include-own"
          checked={state.includeOwn}
          onChange={(e) => onChange({ includeOwn: e.target.checked })}
        />
        <label htmlFor={ids.own}>{own.name} med i gruppen</label>
      </div>
      <div className="control control--check">
        <input
          id={ids.need}
          type="checkbox"
          data-testid="need-adjusted"
          checked={state.needAdjusted}
          onChange={(e) => onChange({ needAdjusted: e.target.checked })}
        />
        <label htmlFor={ids.need}>Behovskorrigeret (udgiftsbehov)</label>
      </div>
      <p className="peer-group-status" aria-live="polite" data-testid="peer-group-status">
        {notice?.peers === state.peers ? notice.text : ''}
      </p>
      {savedGroup && <SavedGroup key={savedGroup.name} group={savedGroup} own={own} onDeleted={onDeleted} />}
      {peerChoice === CUSTOM && (
        <PeerListPicker
          peers={state.peers}
          own={own}
          savesGroups={savesGroups}
          onApply={(peers) => onChange({ peers })}
          onSaved={(name) => choosePeers(savedPeers(name), `Listen “${name}” er gemt og valgt.`)}
        />
      )}
    </form>
  );
}
