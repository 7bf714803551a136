import type { BenchmarkResult } from '@lis/contracts';

type StorePeers = NonNullable<BenchmarkResult['storePeers']>;

const names = (list: StorePeers['withData']) => list.map((m) => m.name).join(', ');

/** With the own figures in LIS: which of the group have a closed year and population in LIS, and which are missing. */
export function StorePeersNote({ storePeers }: { storePeers: StorePeers }) {
  return (
    <p className="benchmark-basis" data-testid="store-peers">
      Egne tal i LIS: <strong>{names(storePeers.withData)}</strong> har regnskab og befolkningstal for året.{' '}
      {storePeers.missing.length > 0 ? (
        <strong data-testid="store-peers-missing">Mangler i LIS og indgår ikke: {names(storePeers.missing)}.</strong>
      ) : (
        'Alle kommuner i gruppen har tal.'
      )}
    </p>
  );
}
