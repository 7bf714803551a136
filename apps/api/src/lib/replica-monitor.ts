import type { Database } from '@lis/db';
import { type Kysely, sql } from 'kysely';
import { withTimeout } from './with-timeout.ts';

/** up: replays the primary within the lag limit; lagging: beyond it; down: does not answer; not_a_replica: not in recovery */
type ReplicaState = 'up' | 'lagging' | 'down' | 'not_a_replica';

export interface ReplicaStatus {
  replica: ReplicaState;
  primaryUp: boolean;
  /** how far the replica's snapshot is behind the primary; null when unknown (either side does not answer) */
  lagMs: number | null;
  /** the WAL position the replica has applied; null when unknown */
  replayLsn: bigint | null;
}

// Measured at most once a second, whatever the number of requests (docs/deployment.md).
const MEASURE_EVERY_MS = 1000;
const PROBE_TIMEOUT_MS = 1000;

/**
 * How far a streaming replica is behind its primary, measured lazily (only while requests come)
 * and kept for a second. The lag is 0 when the replica has applied everything the primary has
 * written (an idle primary does not make it grow); else it is the time since the replica last
 * applied a transaction, but never more than the time since it was last seen caught up.
 */
export class ReplicaMonitor {
  #status: ReplicaStatus | null = null;
  #measuredAt = 0;
  #caughtUpAt = 0;
  #measuring: Promise<ReplicaStatus> | null = null;

  constructor(
    private readonly primary: Kysely<Database>,
    private readonly replica: Kysely<Database>,
    private readonly maxLagMs: number,
  ) {}

  /** The last measurement; one older than a second is measured again meanwhile, so no request waits for a probe but the first. */
  status(): Promise<ReplicaStatus> {
    if (this.#status && Date.now() - this.#measuredAt < MEASURE_EVERY_MS) return Promise.resolve(this.#status);
    this.#measuring ??= this.#measure().finally(() => {
      this.#measuring = null;
    });
    return this.#status ? Promise.resolve(this.#status) : this.#measuring;
  }

  /** The primary's WAL position now: a write that has committed lies before it. */
  async primaryPosition(): Promise<bigint> {
    const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(this.primary);
    return parseLsn(rows[0]?.lsn ?? '0/0');
  }

  async #measure(): Promise<ReplicaStatus> {
    const started = Date.now();
    const [primary, replica] = await Promise.allSettled([
      withTimeout(this.primaryPosition(), PROBE_TIMEOUT_MS),
      withTimeout(
        sql<{ replay: string | null; since_ms: number | null }>`
          select pg_last_wal_replay_lsn()::text as replay,
                 extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000 as since_ms`.execute(
          this.replica,
        ),
        PROBE_TIMEOUT_MS,
      ),
    ]);
    const row = replica.status === 'fulfilled' ? replica.value.rows[0] : undefined;
    const replayLsn = row?.replay ? parseLsn(row.replay) : null;
    let status: ReplicaStatus;
    if (replica.status === 'rejected')
      status = { replica: 'down', primaryUp: primary.status === 'fulfilled', lagMs: null, replayLsn };
    else if (replayLsn === null)
      status = { replica: 'not_a_replica', primaryUp: primary.status === 'fulfilled', lagMs: null, replayLsn };
    else if (primary.status === 'rejected') status = { replica: 'up', primaryUp: false, lagMs: null, replayLsn };
    else {
      if (replayLsn >= primary.value) this.#caughtUpAt = started;
      const sinceCaughtUp = this.#caughtUpAt > 0 ? started - this.#caughtUpAt : Number.POSITIVE_INFINITY;
      const lag = replayLsn >= primary.value ? 0 : Math.min(row?.since_ms ?? Number.POSITIVE_INFINITY, sinceCaughtUp);
      const lagMs = Number.isFinite(lag) ? Math.round(lag) : null;
      status = { replica: lagMs === null || lagMs > this.maxLagMs ? 'lagging' : 'up', primaryUp: true, lagMs, replayLsn };
    }
    this.#status = status;
    this.#measuredAt = Date.now();
    return status;
  }
}

/** '16/B374D848' → its position as a number, so that positions compare. */
export function parseLsn(lsn: string): bigint {
  const [high = '0', low = '0'] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}
