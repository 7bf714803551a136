import type { Me } from '@lis/contracts';
import { AccessRulesPanel } from './access-rules-panel';
import { UsersPanel } from './users-panel';
import './users.css';

/** The administrator's page: every user, and the rules that let the municipality's login in. */
export default function UsersPage({ me }: { me: Me }) {
  return (
    <div className="users">
      <UsersPanel me={me} />
      <AccessRulesPanel />
    </div>
  );
}
