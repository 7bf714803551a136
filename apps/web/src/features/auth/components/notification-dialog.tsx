import { NOTIFICATION_KIND_TEXTS, type NotificationKind } from '@lis/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useNotificationSettings, useSaveNotificationSettings } from '../api/notification-settings';

/** The person's own e-mail notifications: which kinds they get, in a modal dialog. */
export function NotificationDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const settings = useNotificationSettings(true);
  const save = useSaveNotificationSettings();
  const [changed, setChanged] = useState<Partial<Record<NotificationKind, boolean>>>({});

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const kinds = settings.data?.kinds.map((k) => ({ kind: k.kind, on: changed[k.kind] ?? k.on })) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ kinds }, { onSuccess: onClose });
  };

  return (
    <dialog ref={dialog} className="user-dialog" aria-labelledby={titleId} data-testid="notification-dialog" onCancel={onClose}>
      <form onSubmit={submit}>
        <h3 id={titleId}>E-mails fra LIS</h3>
        {settings.isPending && <p>Henter …</p>}
        {settings.isError && <p className="field-error">Indstillingerne kunne ikke hentes.</p>}
        {settings.data && (
          <>
            <p className="user-dialog__note" data-testid="notification-address">
              {settings.data.email
                ? `E-mails sendes til ${settings.data.email}.`
                : 'Der er ingen e-mailadresse på din bruger, så du får ingen e-mails. Bed LIS-administratoren om at sætte den.'}
            </p>
            {!settings.data.enabled && (
              <p className="user-dialog__note">LIS sender ikke e-mails endnu (serveren har ingen mailserver sat op).</p>
            )}
            <fieldset className="user-dialog__kinds">
              <legend>Send mig en e-mail</legend>
              {kinds.map(({ kind, on }) => (
                <label key={kind}>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(event) => setChanged((before) => ({ ...before, [kind]: event.target.checked }))}
                  />
                  {NOTIFICATION_KIND_TEXTS[kind]}
                </label>
              ))}
            </fieldset>
          </>
        )}
        {save.isError && (
          <p className="field-error" role="alert">
            Ikke gemt: {save.error instanceof ApiError ? save.error.message : 'prøv igen.'}
          </p>
        )}
        <div className="user-dialog__buttons">
          <button type="submit" className="button button--primary" disabled={!settings.data || save.isPending}>
            {save.isPending ? 'Gemmer …' : 'Gem'}
          </button>
          <button type="button" className="button" disabled={save.isPending} onClick={onClose}>
            Luk
          </button>
        </div>
      </form>
    </dialog>
  );
}
