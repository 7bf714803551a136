import { MUNICIPALITIES, municipalityCount } from '@lis/domain';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type PeerGroup, useDeletePeerGroup } from '../api/peer-groups';

const NAMES = new Map(MUNICIPALITIES.map((m) => [m.code, m.name]));
const byName = (a: string, b: string) => a.localeCompare(b, 'da');

interface SavedGroupProps {
  group: PeerGroup;
  own: { municipality: string; name: string };
  /** after the delete: the page leaves the group's name (it no longer answers) */
  onDeleted: (group: PeerGroup) => void;
}

/**
 * The chosen saved list: its members, and "Slet listen" with a confirm step, since a saved list is
 * the municipality's (every user's) and a delete cannot be undone. Only its owner or an admin
 * sees the button (the server's `mayChange`).
 */
export function SavedGroup({ group, own, onDeleted }: SavedGroupProps) {
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeletePeerGroup();
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const members = group.municipalities
    .filter((code) => code !== own.municipality)
    .map((code) => NAMES.get(code) ?? code)
    .sort(byName);

  // The question takes the focus (on the harmless answer); cancelling gives it back to the button.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (returnFocus.current) deleteButton.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const cancel = () => {
    returnFocus.current = true;
    remove.reset();
    setConfirming(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !remove.isPending) cancel();
  };

  return (
    <div className="saved-group" data-testid="saved-group">
      <p className="saved-group__members">
        <strong>Gemt liste “{group.name}”</strong> ({municipalityCount(members.length)}): {members.join(', ')}.
        {group.owner ? ` Gemt af ${group.owner}.` : ''}
      </p>
      {!group.mayChange ? null : confirming ? (
        // biome-ignore lint/a11y/useSemanticElements: a question and two buttons in a row, not form fields under a legend
        <div className="saved-group__confirm" role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
          <p id={questionId}>Slet listen “{group.name}”? Den slettes for alle i kommunen og kan ikke gendannes.</p>
          <button
            type="button"
            className="button button--small button--danger"
            data-testid="peer-group-delete-confirm"
            disabled={remove.isPending}
            onClick={() => remove.mutate(group.name, { onSuccess: () => onDeleted(group) })}
          >
            {remove.isPending ? 'Sletter …' : 'Ja, slet listen'}
          </button>
          <button
            ref={cancelButton}
            type="button"
            className="button button--small"
            data-testid="peer-group-delete-cancel"
            disabled={remove.isPending}
            onClick={cancel}
          >
            Fortryd
          </button>
        </div>
      ) : (
        <button
          ref={deleteButton}
          type="button"
          className="button button--small"
          data-testid="peer-group-delete"
          onClick={() => setConfirming(true)}
        >
          Slet listen …
        </button>
      )}
      {remove.isError && (
        <p className="saved-group__error" role="alert">
          Listen kunne ikke slettes. Prøv igen.
        </p>
      )}
    </div>
  );
}
