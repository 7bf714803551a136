import type { UserSource } from '@lis/contracts';
import { formatTimestampDate, MISSING } from '../../../lib/format';
import type { OrgTree } from '../../../lib/org-tree';

export const SOURCE_NAMES: Readonly<Record<UserSource, string>> = {
  local: 'Lokal adgangskode',
  oidc: 'Kommunens login',
};

/** ['4. dec. 2026', 'kl. 14:05'] on the reader's clock; null for never. */
export function signInParts(timestamp: string | null): [date: string, time: string] | null {
  if (timestamp === null) return null;
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return null;
  const time = at.toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit' }).replace('.', ':');
  return [formatTimestampDate(timestamp), `kl. ${time}`];
}

/** Unit names for ids, in the tree's order of names; an id the tree does not know is shown as itself. */
export function unitNames(tree: OrgTree | undefined, orgIds: readonly string[] | null): string {
  if (!orgIds || orgIds.length === 0) return MISSING;
  return orgIds
    .map((id) => tree?.byId.get(id)?.name ?? id)
    .sort((a, b) => a.localeCompare(b, 'da'))
    .join(', ');
}
