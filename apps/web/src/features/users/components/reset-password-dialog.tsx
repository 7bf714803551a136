import type { UserSummary } from '@lis/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useResetPassword } from '../api/users-api';

/**
 * A new password for a local user, in a modal dialog. The server's password policy decides and
 * its reason is shown at the field. Closing reports how many sessions ended (null: cancelled).
 */
export function ResetPasswordDialog({ user, onClose }: { user: UserSummary; onClose: (sessionsEnded: number | null) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), field: useId(), error: useId() };
  const [password, setPassword] = useState('');
  const reset = useResetPassword();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ username: user.username, password }, { onSuccess: (result) => onClose(result.sessionsEnded) });
  };
  const fieldError = reset.error instanceof ApiError && reset.error.parameter === 'password' ? reset.error.message : null;
  const otherError = reset.isError && !fieldError ? (reset.error instanceof ApiError ? reset.error.message : 'Prøv igen.') : null;

  return (
    <dialog
      ref={dialog}
      className="users-dialog"
      aria-labelledby={ids.title}
      data-testid="reset-password-dialog"
      onCancel={() => onClose(null)}
    >
      <form onSubmit={submit}>
        <h3 id={ids.title}>Ny adgangskode til {user.displayName}</h3>
        <p className="panel__note">
          Giv brugeren adgangskoden ad en sikker vej. Vedkommendes åbne sessioner afsluttes, og den gamle adgangskode virker ikke
          længere.
        </p>
        <label htmlFor={ids.field}>Ny adgangskode</label>
        <input
          id={ids.field}
          type="password"
          autoComplete="new-password"
          value={password}
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? ids.error : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        {fieldError && (
          <p id={ids.error} className="field-error" role="alert">
            {fieldError}
          </p>
        )}
        {otherError && (
          <p className="field-error" role="alert">
            Adgangskoden blev ikke ændret: {otherError}
          </p>
        )}
        <div className="users-dialog__buttons">
          <button type="submit" className="button button--primary" disabled={reset.isPending}>
            {reset.isPending ? 'Gemmer …' : 'Gem ny adgangskode'}
          </button>
          <button type="button" className="button" disabled={reset.isPending} onClick={() => onClose(null)}>
            Fortryd
          </button>
        </div>
      </form>
    </dialog>
  );
}
