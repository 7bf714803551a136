import type { Explanation } from '@lis/contracts';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

// The month's explanations of the unit on the overview, handed to each tile without threading
// them through the theme sections.

const TileExplanations = createContext<ReadonlyMap<string, Explanation>>(new Map());

export function TileExplanationsProvider({
  explanations,
  children,
}: {
  explanations: readonly Explanation[];
  children: ReactNode;
}) {
  const byKpi = useMemo(() => new Map(explanations.map((e) => [e.kpiId, e])), [explanations]);
  return <TileExplanations.Provider value={byKpi}>{children}</TileExplanations.Provider>;
}

/** A small "Forklaring" marker and the explanation's first line, on a KPI's tile. */
export function TileExplanation({ kpiId }: { kpiId: string }) {
  const explanation = useContext(TileExplanations).get(kpiId);
  if (!explanation) return null;
  const firstLine = explanation.text.split('\n')[0] ?? '';
  return (
    <p className="tile-explanation" data-testid="tile-explanation" title={explanation.text}>
      <span className="tile-explanation__marker">Forklaring</span> {firstLine}
    </p>
  );
}
