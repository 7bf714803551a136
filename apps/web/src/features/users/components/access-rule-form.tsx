import {
  ACCESS_RULE_CLAIM_PATTERN,
  ACCESS_RULE_VALUE_MAX_LENGTH,
  DEFAULT_ACCESS_RULE_CLAIM,
  hasUnits,
  type Me,
  ROLE_NAMES,
  ROLES,
} from '@lis/contracts';
import { type FormEvent, useId, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state';
import { ApiError, isApiError } from '../../../lib/api-client';
import { useAddAccessRule } from '../api/users-api';
import { UnitPicker } from './unit-picker';

type Field = 'claim' | 'value' | 'role' | 'orgIds' | 'note';
const FIELDS: readonly string[] = ['claim', 'value', 'role', 'orgIds', 'note'];

/** The server's objection to a field, in Danish (its own message is English, for the log and the CLI). */
const FIELD_PROBLEMS: Readonly<Record<Field, string>> = {
  claim: 'Claim-navnet kan ikke bruges: bogstaver, tal og _ . : / - (fx groups eller roles).',
  value: 'Skriv værdien, fx gruppens objekt-id i Entra ID.',
  role: 'Vælg en rolle.',
  orgIds: 'En chef skal have mindst én enhed (andre roller ser hele kommunen og har ingen enheder).',
  note: 'Noten er for lang.',
};

/** The field the server's answer is about (a duplicate is about the value), or null for the whole form. */
const fieldOf = (error: unknown): Field | null =>
  error instanceof ApiError && error.parameter !== null && FIELDS.includes(error.parameter) ? (error.parameter as Field) : null;

/** A new rule: claim (normally "groups"), the value, the role and, for a chef, the units. */
export function AccessRuleForm() {
  const add = useAddAccessRule();
  const id = useId();
  const [claim, setClaim] = useState(DEFAULT_ACCESS_RULE_CLAIM);
  const [value, setValue] = useState('');
  const [role, setRole] = useState<Me['role']>('chef');
  const [orgIds, setOrgIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const errorField = fieldOf(add.error);
  const errorAt = (field: Field) =>
    errorField === field && add.error ? (
      <p id={`${id}-${field}-error`} className="field-error" role="alert">
        {isApiError(add.error, 'conflict') ? 'Der er allerede en regel for denne claim og værdi.' : FIELD_PROBLEMS[field]}
      </p>
    ) : null;
  const described = (field: Field) =>
    errorField === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { claim: claim.trim(), value, role, orgIds: hasUnits(role) ? orgIds : [], note: note.trim() || null },
      {
        onSuccess: () => {
          setValue('');
          setOrgIds([]);
          setNote('');
        },
      },
    );
  };

  return (
    <form className="rule-form" onSubmit={submit} data-testid="rule-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Tilføj en regel</h3>
      <div className="rule-form__fields">
        <div className="rule-form__field">
          <label htmlFor={`${id}-claim`}>Claim</label>
          <input
            id={`${id}-claim`}
            value={claim}
            required
            pattern={ACCESS_RULE_CLAIM_PATTERN.slice(1, -1)}
            onChange={(event) => setClaim(event.target.value)}
            {...described('claim')}
          />
          <span className="rule-form__hint">Normalt “groups”; “roles” for app-roller</span>
          {errorAt('claim')}
        </div>
        <div className="rule-form__field rule-form__field--wide">
          <label htmlFor={`${id}-value`}>Værdi</label>
          <input
            id={`${id}-value`}
            value={value}
            required
            maxLength={ACCESS_RULE_VALUE_MAX_LENGTH}
            onChange={(event) => setValue(event.target.value)}
            {...described('value')}
          />
          <span className="rule-form__hint">Fx gruppens objekt-id i Entra ID</span>
          {errorAt('value')}
        </div>
        <div className="rule-form__field">
          <label htmlFor={`${id}-role`}>Rolle</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as Me['role'])}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
          {errorAt('role')}
        </div>
        <div className="rule-form__field rule-form__field--wide">
          <label htmlFor={`${id}-note`}>Note</label>
          <input id={`${id}-note`} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
          <span className="rule-form__hint">Fx gruppens navn, så andre kan genkende den</span>
          {errorAt('note')}
        </div>
      </div>
      {hasUnits(role) && (
        <UnitPicker selected={orgIds} onChange={setOrgIds} error={errorAt('orgIds')} invalid={errorField === 'orgIds'} />
      )}
      {add.isError && !errorField && <ErrorMessage error={add.error} />}
      {add.isSuccess && (
        <p className="notice notice--ok" role="status">
          Reglen for “{add.data.value}” er tilføjet.
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={add.isPending}>
        {add.isPending ? 'Tilføjer …' : 'Tilføj regel'}
      </button>
    </form>
  );
}
