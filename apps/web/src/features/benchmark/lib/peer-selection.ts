/**
 * The peer-group select: a built-in group, a saved list or "egen liste". The URL holds what the
 * API takes (a group name or codes); a list whose codes equal a saved list shows under its name.
 */
import type { PeerGroup } from '../api/peer-groups';

export const CUSTOM = 'custom';
const SAVED_PREFIX = 'saved:';

export const BUILT_IN_NAMES: Readonly<Record<string, string>> = {
  kora: 'KORA-nabokommuner',
  kommunegruppe: 'DST-kommunegruppe',
  region: 'Regionen',
  all: 'Hele landet',
};

export const isBuiltIn = (peers: string): boolean => peers in BUILT_IN_NAMES;

/** '787,860' → ['787', '860']; a built-in group → its members from the list of groups (empty until loaded). */
export function codesOf(peers: string, groups: readonly PeerGroup[]): string[] {
  if (isBuiltIn(peers)) return groups.find((group) => group.builtIn && group.name === peers)?.municipalities ?? [];
  return peers.split(',');
}

/** One order and no own municipality: the API adds or removes it by "egen kommune med". */
export const listParam = (codes: readonly string[], own: string): string =>
  [...new Set(codes)]
    .filter((code) => code !== own)
    .sort()
    .join(',');

export const savedValue = (name: string): string => `${SAVED_PREFIX}${name}`;

/** The saved list's name for a select value, or null. */
export const savedName = (value: string): string | null =>
  value.startsWith(SAVED_PREFIX) ? value.slice(SAVED_PREFIX.length) : null;

/** The option the select shows for the URL's peers. */
export function selectValue(peers: string, groups: readonly PeerGroup[], own: string): string {
  if (isBuiltIn(peers)) return peers;
  const list = listParam(peers.split(','), own);
  const saved = groups.find((group) => !group.builtIn && listParam(group.municipalities, own) === list);
  return saved ? savedValue(saved.name) : CUSTOM;
}

/** The peers parameter for a chosen option; "egen liste" starts from the group shown now. */
export function peersForChoice(choice: string, current: string, groups: readonly PeerGroup[], own: string): string {
  if (isBuiltIn(choice)) return choice;
  const name = savedName(choice);
  if (name !== null) {
    const saved = groups.find((group) => !group.builtIn && group.name === name);
    if (saved) return listParam(saved.municipalities, own) || current;
  }
  return listParam(codesOf(current, groups), own) || current;
}
