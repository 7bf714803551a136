/**
 * A chef at the kommune sees its totals, but its breakdowns only over their own units (ADR 0003):
 * said wherever such a breakdown is shown.
 */
export function OwnUnitsNote() {
  return (
    <p className="panel__note own-units-note" data-testid="own-units-note">
      <strong>Din del af kommunen:</strong> her tælles kun dine egne enheder. Tallene for drift i alt øverst er hele kommunens.
    </p>
  );
}
