import type { BenchmarkAccounts } from '@lis/contracts';
import { AMOUNT_UNIT_NAMES, type AmountUnit, amountUnitFor, formatAmountIn } from '@lis/domain';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import { useAreaAccounts } from '../api/get-area-accounts';

/** "3.22.01-3.22.08" as written in Danish text: an en dash between the ends. */
const entryText = (entry: string) => entry.replace(/\s*-\s*/, '–');

/**
 * The functions of the chart of accounts an area covers (marking the numbers the chart does not
 * confirm) and, opened, the own net operating spending on them per function and per forvaltning.
 */
export function AreaAccounts({ area, year }: { area: string; year: number }) {
  const accounts = useAreaAccounts(area, year);
  return (
    <section className="panel" aria-labelledby="accounts-title" data-testid="benchmark-accounts">
      <h2 id="accounts-title">Kontoplanen bag området</h2>
      {accounts.isPending && <Loading label="Henter kontoplanen …" />}
      {accounts.isError && <ErrorMessage error={accounts.error} onRetry={() => accounts.refetch()} />}
      {accounts.data && <AccountsBody accounts={accounts.data} />}
    </section>
  );
}

function AccountsBody({ accounts }: { accounts: BenchmarkAccounts }) {
  if (accounts.entries.length === 0)
    return <p data-testid="benchmark-functions">Kortlægningen knytter ingen funktioner i kontoplanen til området.</p>;
  const unit = amountUnitFor([...accounts.functions.map((f) => f.amount), accounts.total]);
  return (
    <>
      <p data-testid="benchmark-functions">
        Funktioner: <strong>{accounts.entries.map(entryText).join(', ')}</strong>.{' '}
        {accounts.unconfirmed.length > 0 && (
          <span className="unconfirmed" data-testid="benchmark-unconfirmed">
            Ikke bekræftet af kontoplanen i LIS: {accounts.unconfirmed.join(', ')}.
          </span>
        )}
      </p>
      <p className="table-note">{accounts.functionsSource}</p>
      <details className="benchmark-drilldown" data-testid="benchmark-accounts-drilldown">
        <summary>Åbn funktionerne og forvaltningerne, der bruger penge på dem ({accounts.amountTypeName})</summary>
        {accounts.breakdown === 'own_units' && (
          <p className="table-note" data-testid="benchmark-accounts-own-units">
            Din del af kommunen: tallene dækker kun dine egne enheder.
          </p>
        )}
        {accounts.functions.length === 0 ? (
          <p>Ingen beløb på områdets funktioner i {accounts.amountTypeName.toLocaleLowerCase('da')}.</p>
        ) : (
          <>
            <FunctionsTable accounts={accounts} unit={unit} />
            <UnitsTable accounts={accounts} unit={unit} />
          </>
        )}
      </details>
    </>
  );
}

function FunctionsTable({ accounts, unit }: { accounts: BenchmarkAccounts; unit: AmountUnit }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="benchmark-accounts-functions">
        <caption>Nettodriftsudgifter (dranst 1+2) pr. funktion, {accounts.amountTypeName.toLocaleLowerCase('da')}</caption>
        <thead>
          <tr>
            <th scope="col">Funktion</th>
            <th scope="col" className="num">
              {AMOUNT_UNIT_NAMES[unit]}
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.functions.map((f) => (
            <tr key={f.function} data-function={f.function}>
              <th scope="row">
                {f.function} {f.name ?? ''}
                {!f.confirmed && <span className="unconfirmed"> (nummer ikke bekræftet)</span>}
              </th>
              <td className="num" data-value={f.amount}>
                {formatAmountIn(f.amount, unit)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">I alt</th>
            <td className="num" data-testid="benchmark-accounts-total" data-value={accounts.total}>
              {formatAmountIn(accounts.total, unit)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function UnitsTable({ accounts, unit }: { accounts: BenchmarkAccounts; unit: AmountUnit }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="benchmark-accounts-units">
        <caption>
          {accounts.breakdown === 'own_units' ? 'Dine enheder' : 'Forvaltninger'}, der bruger penge på funktionerne
        </caption>
        <thead>
          <tr>
            <th scope="col">{accounts.breakdown === 'own_units' ? 'Enhed' : 'Forvaltning'}</th>
            <th scope="col" className="num">
              {AMOUNT_UNIT_NAMES[unit]}
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.units.map((u) => (
            <tr key={u.org.id} data-org={u.org.id}>
              <th scope="row">{u.org.name}</th>
              <td className="num" data-value={u.amount}>
                {formatAmountIn(u.amount, unit)}
              </td>
            </tr>
          ))}
          {accounts.bookedOnKommune !== 0 && (
            <tr data-org="kommune">
              <th scope="row">Bogført på kommunen selv</th>
              <td className="num" data-value={accounts.bookedOnKommune}>
                {formatAmountIn(accounts.bookedOnKommune, unit)}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
