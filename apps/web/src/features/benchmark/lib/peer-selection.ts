/**
 * The peer-group select: a built-in group, a saved list or "egen liste". The URL holds what the
 * API takes: a group name ('kora'), a saved list by its name ('saved:<name>') or codes ('787,860').
 */
import { isBuiltInPeerGroup } from '@lis/domain';
import { savedPeersName } from '../../../lib/url-state';
import type { PeerGroup } from '../api/peer-groups';

export const CUSTOM = 'custom';

/** The saved list the peers name, or null (not a saved list, or not among the groups: deleted, or not loaded yet). */
export function savedGroupOf(peers: string, groups: readonly PeerGroup[]): PeerGroup | null {
  const name = savedPeersName(peers);
  return name === null ? null : (groups.find((group) => !group.builtIn && group.name === name) ?? null);
}

/** '787,860' → ['787', '860']; a built-in or saved group → its members from the list of groups (empty until loaded). */
export function codesOf(peers: string, groups: readonly PeerGroup[]): string[] {
  if (isBuiltInPeerGroup(peers)) return groups.find((group) => group.builtIn && group.name === peers)?.municipalities ?? [];
  if (savedPeersName(peers) !== null) return savedGroupOf(peers, groups)?.municipalities ?? [];
  return peers.split(',');
}

/** One order and no own municipality: the API adds or removes it by "egen kommune med". */
export const listParam = (codes: readonly string[], own: string): string =>
  [...new Set(codes)]
    .filter((code) => code !== own)
    .sort()
    .join(',');

/** The option the select shows for the URL's peers: the group itself, or "egen liste" for codes. */
export const selectValue = (peers: string): string =>
  isBuiltInPeerGroup(peers) || savedPeersName(peers) !== null ? peers : CUSTOM;

/** The peers parameter for a chosen option; "egen liste" starts from the group shown now. */
export function peersForChoice(choice: string, current: string, groups: readonly PeerGroup[], own: string): string {
  if (choice !== CUSTOM) return choice;
  return listParam(codesOf(current, groups), own) || current;
}
