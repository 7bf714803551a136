import type { BenchmarkAccounts } from '@lis/contracts';
import { AMOUNT_UNIT_NAMES, type AmountUnit, amountUnitFor, formatAmountIn } from '@lis/domain';
import type { ReactNode } from 'react';
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
        {accounts.amountType === 'none' ? (
          <p data-testid="benchmark-accounts-no-year">{accounts.amountTypeName}: økonomifeedet har ingen tal for året.</p>
        ) : accounts.functions.length === 0 ? (
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

interface AmountRow {
  /** the function number or unit id, as the row's data-key */
  key: string;
  label: ReactNode;
  amount: number;
}

/** A two-column table of amounts in one unit, stated in the header. */
function AmountTable(props: {
  testId: string;
  caption: string;
  label: string;
  unit: AmountUnit;
  rows: AmountRow[];
  total?: number;
}) {
  const { unit } = props;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.label}</th>
            <th scope="col" className="num">
              {AMOUNT_UNIT_NAMES[unit]}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num" data-value={row.amount}>
                {formatAmountIn(row.amount, unit)}
              </td>
            </tr>
          ))}
        </tbody>
        {props.total !== undefined && (
          <tfoot>
            <tr>
              <th scope="row">I alt</th>
              <td className="num" data-testid={`${props.testId}-total`} data-value={props.total}>
                {formatAmountIn(props.total, unit)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function FunctionsTable({ accounts, unit }: { accounts: BenchmarkAccounts; unit: AmountUnit }) {
  const rows = accounts.functions.map((f) => ({
    key: f.function,
    label: (
      <>
        {f.function} {f.name ?? ''}
        {!f.confirmed && <span className="unconfirmed"> (nummer ikke bekræftet)</span>}
      </>
    ),
    amount: f.amount,
  }));
  return (
    <AmountTable
      testId="benchmark-accounts-functions"
      caption={`Nettodriftsudgifter (dranst 1+2) pr. funktion, ${accounts.amountTypeName.toLocaleLowerCase('da')}`}
      label="Funktion"
      unit={unit}
      rows={rows}
      total={accounts.total}
    />
  );
}

function UnitsTable({ accounts, unit }: { accounts: BenchmarkAccounts; unit: AmountUnit }) {
  const own = accounts.breakdown === 'own_units';
  const rows: AmountRow[] = accounts.units.map((u) => ({ key: u.org.id, label: u.org.name, amount: u.amount }));
  if (accounts.bookedOnKommune !== 0)
    rows.push({ key: 'kommune', label: 'Bogført på kommunen selv', amount: accounts.bookedOnKommune });
  return (
    <AmountTable
      testId="benchmark-accounts-units"
      caption={`${own ? 'Dine enheder' : 'Forvaltninger'}, der bruger penge på funktionerne`}
      label={own ? 'Enhed' : 'Forvaltning'}
      unit={unit}
      rows={rows}
    />
  );
}
