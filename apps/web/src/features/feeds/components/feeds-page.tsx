import type { Me } from '@lis/contracts';
import { roleCan } from '@lis/contracts';
import { LedgerPanel } from './ledger-panel';
import { UploadPanel } from './upload-panel';
import './feeds.css';

/** Loading files in the browser; the administrator also sees and restores the ledger. */
export default function FeedsPage({ me }: { me: Me }) {
  return (
    <div className="feeds">
      <UploadPanel />
      {roleCan(me.role, 'batches:read') && <LedgerPanel />}
    </div>
  );
}
