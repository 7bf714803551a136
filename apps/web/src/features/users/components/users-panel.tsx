import { hasUnits, type Me, ROLE_NAMES, roleCan, type UserSummary } from '@lis/contracts';
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import { ApiError } from '../../../lib/api-client';
import { formatCount, MISSING } from '../../../lib/format';
import { useOrgTree } from '../../../lib/org-units';
import { type UserAction, useUserAction, useUsers } from '../api/users-api';
import { SOURCE_NAMES, signInParts, unitNames } from '../lib/user-words';
import { ResetPasswordDialog } from './reset-password-dialog';

const sessionsText = (n: number) => `${formatCount(n)} ${n === 1 ? 'session' : 'sessioner'}`;

/** What a change did, in words, for the line above the table. */
function doneText(user: UserSummary, action: UserAction | 'reset-password', sessionsEnded: number | undefined): string {
  const ended = sessionsEnded ? ` ${sessionsText(sessionsEnded)} er afsluttet.` : '';
  switch (action) {
    case 'disable':
      return `${user.displayName} er deaktiveret og kan ikke logge ind.${ended}`;
    case 'enable':
      return `${user.displayName} er aktiveret og kan logge ind igen.`;
    case 'end-sessions':
      return `${user.displayName} er logget ud alle steder.${ended || ' Der var ingen åbne sessioner.'}`;
    case 'reset-password':
      return `${user.displayName} har fået en ny adgangskode.${ended}`;
  }
}

/** Who reads everything, who is limited to units, who reads nothing (a data supplier). */
const unitsText = (user: UserSummary, tree: ReturnType<typeof useOrgTree>['data']) =>
  hasUnits(user.role) ? unitNames(tree, user.orgIds) : roleCan(user.role, 'kpi:read') ? 'Hele kommunen' : MISSING;

/** Every user with their access and sign-ins, and the administrator's actions on each. */
export function UsersPanel({ me }: { me: Me }) {
  const users = useUsers();
  const tree = useOrgTree().data;
  const action = useUserAction();
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = (user: UserSummary, kind: UserAction, question: string | null) => {
    if (question && !window.confirm(question)) return;
    setDone(null);
    action.mutate(
      { username: user.username, action: kind },
      { onSuccess: (result) => setDone(doneText(user, kind, result?.sessionsEnded)) },
    );
  };

  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Brugere</h2>
      <p className="panel__note">
        Alle, der kan logge ind i LIS. En deaktiveret bruger logges ud med det samme og kan ikke logge ind, før en administrator
        aktiverer vedkommende igen. Dig selv kan du ikke deaktivere eller logge ud her.
      </p>
      <div aria-live="polite">
        {done && (
          <p className="notice notice--ok" data-testid="users-done">
            {done}
          </p>
        )}
      </div>
      {action.isError && <ActionError error={action.error} />}
      {users.isPending && <Loading label="Henter brugere …" />}
      {users.isError && <ErrorMessage error={users.error} onRetry={() => users.refetch()} />}
      {users.isSuccess && (
        <div className="table-scroll">
          <table className="data-table users-table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">Brugernavn</th>
                <th scope="col">Navn</th>
                <th scope="col">Rolle</th>
                <th scope="col">Enheder</th>
                <th scope="col">Kilde</th>
                <th scope="col">Seneste login</th>
                <th scope="col" className="num">
                  Aktive sessioner
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Handlinger</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => {
                const self = user.username.toLowerCase() === me.username.toLowerCase();
                return (
                  <tr key={user.username} data-testid={`user-${user.username}`} data-disabled={user.disabled}>
                    <th scope="row" data-label="Brugernavn" className="users-table__name">
                      {user.username}
                    </th>
                    <td data-label="Navn">{user.displayName}</td>
                    <td data-label="Rolle">{ROLE_NAMES[user.role]}</td>
                    <td data-label="Enheder">{unitsText(user, tree)}</td>
                    <td data-label="Kilde">{SOURCE_NAMES[user.source]}</td>
                    <td data-label="Seneste login">
                      <SignedIn timestamp={user.lastSignInAt} />
                    </td>
                    <td data-label="Aktive sessioner" className="num">
                      {formatCount(user.activeSessions)}
                    </td>
                    <td data-label="Status" data-testid="user-status">
                      <span className={`user-status user-status--${user.disabled ? 'off' : 'on'}`}>
                        {user.disabled ? 'Deaktiveret' : 'Aktiv'}
                      </span>
                    </td>
                    <td className="users-table__actions-cell">
                      <div className="users-table__actions">
                        {user.disabled ? (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={action.isPending}
                            onClick={() => run(user, 'enable', null)}
                          >
                            Aktiver
                          </button>
                        ) : (
                          !self && (
                            <button
                              type="button"
                              className="button button--small"
                              disabled={action.isPending}
                              onClick={() =>
                                run(
                                  user,
                                  'disable',
                                  `Deaktiver ${user.displayName} (${user.username})? Vedkommende logges ud med det samme og kan ikke logge ind, før en administrator aktiverer brugeren igen.`,
                                )
                              }
                            >
                              Deaktiver
                            </button>
                          )
                        )}
                        {!self && user.activeSessions > 0 && (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={action.isPending}
                            onClick={() =>
                              run(user, 'end-sessions', `Log ${user.displayName} (${user.username}) ud alle steder?`)
                            }
                          >
                            Afslut sessioner
                          </button>
                        )}
                        {user.source === 'local' && (
                          <button type="button" className="button button--small" onClick={() => setResetting(user)}>
                            Nulstil adgangskode
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onClose={(sessionsEnded) => {
            if (sessionsEnded !== null) setDone(doneText(resetting, 'reset-password', sessionsEnded));
            setResetting(null);
          }}
        />
      )}
    </section>
  );
}

/** The server's reason (yourself, unknown user) when it has one; otherwise the general error. */
function ActionError({ error }: { error: unknown }) {
  if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'not_found'))
    return (
      <p className="notice notice--error" role="alert">
        Ændringen blev ikke gennemført: {error.message}
      </p>
    );
  return <ErrorMessage error={error} />;
}

/** Date and time each kept whole, so a narrow column breaks between them. */
function SignedIn({ timestamp }: { timestamp: string | null }) {
  const parts = signInParts(timestamp);
  if (!parts) return <>{MISSING}</>;
  return (
    <span className="users-table__when">
      <span>{parts[0]}</span> <span>{parts[1]}</span>
    </span>
  );
}
