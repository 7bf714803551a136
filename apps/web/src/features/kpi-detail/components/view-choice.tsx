import { ROLLUP_VIEWS, type RollupView, rollupViewText } from '@lis/contracts';

/**
 * Which tree the trend, last year's line and the breakdown stand on (docs/adr/0011): each month's
 * own, or today's, so a new department can be compared with what its units did before.
 */
export function ViewChoice({ view, onChange }: { view: RollupView; onChange: (view: RollupView) => void }) {
  return (
    <fieldset className="view-choice" aria-label="Organisation">
      {ROLLUP_VIEWS.map((option) => (
        <button
          key={option}
          type="button"
          className="button button--small"
          aria-pressed={option === view}
          onClick={() => onChange(option)}
        >
          {rollupViewText(option).name}
        </button>
      ))}
      <span className="view-choice__meaning">
        Udviklingen og fordelingen herunder: {rollupViewText(view).meaning}.
        {view === 'now' && ' Tallet øverst står som organiseret dengang.'}
      </span>
    </fieldset>
  );
}
