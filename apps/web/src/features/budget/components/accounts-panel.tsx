import type { OrgUnit } from '@lis/contracts';
import { accountName, CATEGORY_NAMES } from '@lis/domain';
import { useEffect, useRef } from 'react';
import { ExportLinks } from '../../../components/ui/export-links';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import { formatMonthLong } from '../../../lib/format';
import { Link } from '../../../lib/navigation';
import { budgetHref } from '../../../lib/url-state';
import { accountsExportUrl, useAccounts } from '../api/get-accounts';
import { unitOfFigures } from '../lib/amounts';
import { FigureCells, FigureHeaders } from './figure-cells';
import { OwnUnitsNote } from './own-units-note';

const LEVEL_NAMES = ['Hovedkonti', 'Hovedfunktioner', 'Funktioner'];
const DEEPEST = LEVEL_NAMES.length;

/** '5.57' → ['5', '5.57']: the levels above and including the one shown. */
const accountPath = (account: string): string[] =>
  account === '' ? [] : account.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

const label = (code: string) => `${code} ${accountName(code) ?? ''}`.trim();

/** The same unit and month by the chart of accounts: hovedkonto → hovedfunktion → funktion. */
export function AccountsPanel({ org, period, account }: { org: OrgUnit; period: string; account: string }) {
  const headingRef = useKeepInViewOnChange(account);
  const input = { org: org.id, period, prefix: account };
  const accounts = useAccounts(input);
  // one unit for the table, by its amounts: a small unit's accounts in 1.000 kr.
  const unit = unitOfFigures(accounts.data?.lines ?? []);
  const depth = accountPath(account).length;
  const hrefFor = (code: string) => budgetHref(org.id, period, code);
  return (
    <section className="panel" aria-labelledby="accounts-title" data-testid="budget-accounts">
      <div className="panel__header">
        <h2 id="accounts-title" ref={headingRef} tabIndex={-1}>
          Fordelt på kontoplanen
        </h2>
        <ExportLinks what="kontoniveauet" urlFor={(format) => accountsExportUrl(input, format)} />
      </div>
      <nav className="breadcrumb account-breadcrumb" aria-label="Niveau i kontoplanen" data-testid="account-breadcrumb">
        <ol>
          <li>
            {depth === 0 ? <span aria-current="location">Alle hovedkonti</span> : <Link href={hrefFor('')}>Alle hovedkonti</Link>}
          </li>
          {accountPath(account).map((code) => (
            <li key={code}>
              {code === account ? (
                <span aria-current="location">{label(code)}</span>
              ) : (
                <Link href={hrefFor(code)}>{label(code)}</Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {accounts.data?.breakdown === 'own_units' && <OwnUnitsNote />}
      <p className="panel__note">Alle beløb på kontoen (drift, anlæg og finansiering); kategorien står ved hver linje.</p>
      {accounts.isPending && <Loading label="Henter konti …" />}
      {accounts.isError && <ErrorMessage error={accounts.error} onRetry={() => accounts.refetch()} />}
      {accounts.isSuccess && (
        <div className={`table-scroll${accounts.isPlaceholderData ? ' is-updating-table' : ''}`}>
          <table className="data-table" data-testid="accounts-table" aria-busy={accounts.isFetching}>
            <caption>
              {LEVEL_NAMES[depth]} {account === '' ? '' : `under ${label(account)} `}for{' '}
              {accounts.data.breakdown === 'own_units' ? `din del af ${org.name}` : org.name}, {formatMonthLong(period)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Konto</th>
                <th scope="col">Kategori</th>
                <FigureHeaders unit={unit} />
              </tr>
            </thead>
            <tbody>
              {accounts.data.lines.map((line) => (
                <tr key={line.code} data-testid={`account-${line.code}`}>
                  <th scope="row">
                    {depth + 1 < DEEPEST ? (
                      <Link href={hrefFor(line.code)}>{`${line.code} ${line.name ?? ''}`.trim()}</Link>
                    ) : (
                      `${line.code} ${line.name ?? ''}`.trim()
                    )}
                  </th>
                  <td>{line.category === null ? 'flere' : CATEGORY_NAMES[line.category]}</td>
                  <FigureCells figures={line} unit={unit} />
                </tr>
              ))}
            </tbody>
          </table>
          {accounts.data.lines.length === 0 && <p className="table-note">Ingen beløb på dette niveau.</p>}
        </div>
      )}
    </section>
  );
}

/**
 * A step in the chart of accounts is a navigation, and navigations start at the top of the page:
 * bring the panel back into view and put the focus on its heading, where the reader was.
 */
function useKeepInViewOnChange(account: string) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(account);
  useEffect(() => {
    if (shown.current === account) return;
    shown.current = account;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [account]);
  return headingRef;
}
