import type { UserSummary } from '@lis/contracts';
import pc from 'picocolors';
import type { AccessRule } from '../modules/auth/access-rules.ts';

/** Columns padded to their widest cell, the header in bold. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(pc.bold(line(header)));
  for (const r of rows) console.log(line(r));
}

const utc = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

export function printUsers(users: readonly UserSummary[]): void {
  if (users.length === 0) {
    console.log('No users yet (lis user add).');
    return;
  }
  printTable(
    ['username', 'name', 'role', 'units', 'source', 'disabled', 'last sign-in (UTC)', 'active sessions'],
    users.map((u) => [
      u.username,
      u.displayName,
      u.role,
      u.orgIds?.join(',') ?? '',
      u.source,
      u.disabled ? 'yes' : 'no',
      utc(u.lastSignInAt),
      String(u.activeSessions),
    ]),
  );
}

export function printAccessRules(rules: readonly AccessRule[]): void {
  if (rules.length === 0) {
    console.log('No access rules yet (lis access-rule add).');
    return;
  }
  printTable(
    ['id', 'claim', 'value', 'role', 'units', 'note'],
    rules.map((r) => [String(r.id), r.claim, r.value, r.role, r.orgIds.join(','), r.note ?? '']),
  );
}
