import {
  ACTION_OWNER_MAX_LENGTH,
  ACTION_TEXT_MAX_LENGTH,
  EXPLANATION_TEXT_MAX_LENGTH,
  type Explanation,
  type ExplanationInput,
} from '@lis/contracts';
import { type FormEvent, useId, useState } from 'react';
import {
  type ExplanationKey,
  useActionDone,
  useExplanationHistory,
  useExplanations,
  useSaveExplanation,
} from '../../lib/explanations';
import { formatDate, formatMonthLong, formatTimestampDate } from '../../lib/format';
import { ErrorMessage } from '../ui/query-state';
import { actionState } from './explanation-words';
import './explanations.css';

/**
 * The month's explanation of a KPI for a unit, with its action, and a form for those the server
 * says may write it (`mayExplain`).
 */
export function ExplanationPanel({ explanationKey, orgName }: { explanationKey: ExplanationKey; orgName: string }) {
  const { kpiId, orgId, period } = explanationKey;
  const query = useExplanations({ org: orgId, period, kpi: kpiId });
  const [editing, setEditing] = useState(false);
  const current = query.data?.items[0] ?? null;
  const mayExplain = query.data?.mayExplain ?? false;
  return (
    <section className="panel explanation" aria-labelledby="explanation-title" data-testid="explanation-panel">
      <div className="panel__header">
        <h2 id="explanation-title">Forklaring og handling, {formatMonthLong(period)}</h2>
        {mayExplain && !editing && (
          <button type="button" className="button no-print" onClick={() => setEditing(true)}>
            {current ? 'Ret forklaringen' : 'Skriv forklaring'}
          </button>
        )}
      </div>
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && !current && !editing && (
        <p className="panel__note">Der er ingen forklaring af tallet for {orgName} i denne måned.</p>
      )}
      {current && !editing && <ExplanationView explanation={current} explanationKey={explanationKey} mayExplain={mayExplain} />}
      {editing && <ExplanationForm explanationKey={explanationKey} current={current} onDone={() => setEditing(false)} />}
    </section>
  );
}

function ExplanationView({
  explanation,
  explanationKey,
  mayExplain,
}: {
  explanation: Explanation;
  explanationKey: ExplanationKey;
  mayExplain: boolean;
}) {
  const done = useActionDone(explanationKey);
  const [showHistory, setShowHistory] = useState(false);
  const state = actionState(explanation);
  return (
    <div data-testid="explanation">
      <p className="explanation__text">{explanation.text}</p>
      {explanation.action !== null && (
        <dl className="explanation__action">
          <dt>Handling</dt>
          <dd data-testid="explanation-action">{explanation.action}</dd>
          {explanation.actionOwner && (
            <>
              <dt>Ansvarlig</dt>
              <dd>{explanation.actionOwner}</dd>
            </>
          )}
          {explanation.expectedEffect && (
            <>
              <dt>Forventet effekt</dt>
              <dd>{explanation.expectedEffect}</dd>
            </>
          )}
          <dt>Status</dt>
          <dd data-testid="explanation-action-state">{state}</dd>
        </dl>
      )}
      <p className="explanation__meta">
        Skrevet af {explanation.updatedBy}, {formatTimestampDate(explanation.updatedAt)}
        {explanation.version > 1 ? ` (version ${explanation.version})` : ''}.{' '}
        <button type="button" className="explanation__link no-print" onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? 'Skjul historik' : 'Vis historik'}
        </button>
      </p>
      {mayExplain && explanation.action !== null && (
        <p className="no-print">
          <button
            type="button"
            className="button"
            disabled={done.isPending}
            onClick={() => done.mutate(explanation.actionDoneAt === null)}
          >
            {explanation.actionDoneAt === null ? 'Marker handlingen som udført' : 'Genåbn handlingen'}
          </button>
        </p>
      )}
      {done.isError && <ErrorMessage error={done.error} />}
      {showHistory && <ExplanationHistory explanationKey={explanationKey} />}
    </div>
  );
}

const CHANGE_WORDS = { written: 'skrevet', action_done: 'handling udført', action_reopened: 'handling genåbnet' } as const;

function ExplanationHistory({ explanationKey }: { explanationKey: ExplanationKey }) {
  const history = useExplanationHistory(explanationKey, true);
  if (history.isError) return <ErrorMessage error={history.error} />;
  return (
    <ol className="explanation__history" aria-label="Historik">
      {history.data?.items.map((v) => (
        <li key={v.version}>
          Version {v.version}, {CHANGE_WORDS[v.change]} af {v.changedBy} {formatTimestampDate(v.changedAt)}: {v.text}
          {v.action ? ` · Handling: ${v.action}${v.actionDue ? ` (frist ${formatDate(v.actionDue)})` : ''}` : ''}
        </li>
      ))}
    </ol>
  );
}

function ExplanationForm({
  explanationKey,
  current,
  onDone,
}: {
  explanationKey: ExplanationKey;
  current: Explanation | null;
  onDone: () => void;
}) {
  const id = useId();
  const save = useSaveExplanation(explanationKey);
  const [form, setForm] = useState({
    text: current?.text ?? '',
    action: current?.action ?? '',
    actionOwner: current?.actionOwner ?? '',
    actionDue: current?.actionDue ?? '',
    expectedEffect: current?.expectedEffect ?? '',
  });
  const field = (name: keyof typeof form) => ({
    id: `${id}-${name}`,
    name,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: event.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ExplanationInput = { ...form };
    save.mutate(body, { onSuccess: onDone });
  };
  return (
    <form className="explanation__form no-print" onSubmit={submit} aria-label="Forklaring og handling">
      <label htmlFor={`${id}-text`}>Forklaring</label>
      <textarea {...field('text')} required maxLength={EXPLANATION_TEXT_MAX_LENGTH} rows={3} />
      <label htmlFor={`${id}-action`}>Handling (hvad der gøres, valgfri)</label>
      <textarea {...field('action')} maxLength={ACTION_TEXT_MAX_LENGTH} rows={2} />
      <label htmlFor={`${id}-actionOwner`}>Ansvarlig for handlingen</label>
      <input {...field('actionOwner')} maxLength={ACTION_OWNER_MAX_LENGTH} />
      <label htmlFor={`${id}-actionDue`}>Frist</label>
      <input {...field('actionDue')} type="date" />
      <label htmlFor={`${id}-expectedEffect`}>Forventet effekt</label>
      <textarea {...field('expectedEffect')} maxLength={ACTION_TEXT_MAX_LENGTH} rows={2} />
      {save.isError && <ErrorMessage error={save.error} />}
      <div className="explanation__buttons">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Gem forklaring
        </button>
        <button type="button" className="button" onClick={onDone}>
          Fortryd
        </button>
      </div>
    </form>
  );
}
