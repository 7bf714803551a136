import { type Me, ROLE_NAMES } from '@lis/contracts';
import { useLogout } from '../api/logout';
import './auth.css';

/** Who is signed in, in which role, and the way out. */
export function UserMenu({ me }: { me: Me }) {
  const logout = useLogout();
  return (
    <div className="user-menu" data-testid="user-menu">
      <p className="user-menu__who">
        <span data-testid="user-name">{me.displayName}</span>
        <span className="user-menu__role" data-testid="user-role">
          Rolle: {ROLE_NAMES[me.role]}
        </span>
      </p>
      <button type="button" className="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Log ud
      </button>
    </div>
  );
}
