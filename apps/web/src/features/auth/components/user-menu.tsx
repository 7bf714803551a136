import { type Me, ROLE_NAMES } from '@lis/contracts';
import { useState } from 'react';
import { useLogout } from '../api/logout';
import { NotificationDialog } from './notification-dialog';
import './auth.css';

/** Who is signed in, in which role, their e-mail settings, and the way out. */
export function UserMenu({ me }: { me: Me }) {
  const logout = useLogout();
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <div className="user-menu" data-testid="user-menu">
      <p className="user-menu__who">
        <span data-testid="user-name">{me.displayName}</span>
        <span className="user-menu__role" data-testid="user-role">
          Rolle: {ROLE_NAMES[me.role]} · {me.municipality.name} Kommune
        </span>
      </p>
      <button type="button" className="button" onClick={() => setSettingsOpen(true)} data-testid="notification-settings">
        E-mails
      </button>
      <button type="button" className="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Log ud
      </button>
      {settingsOpen && <NotificationDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
