import type { Explanation } from '@lis/contracts';
import { formatDate, formatTimestampDate } from '../../lib/format';

/** "Udført 4. dec. 2026 af chef" or "Frist 31. mar. 2026" for an action; null without one. */
export function actionState(
  explanation: Pick<Explanation, 'action' | 'actionDue' | 'actionDoneAt' | 'actionDoneBy'>,
): string | null {
  if (explanation.action === null) return null;
  if (explanation.actionDoneAt !== null)
    return `Udført ${formatTimestampDate(explanation.actionDoneAt)}${explanation.actionDoneBy ? ` af ${explanation.actionDoneBy}` : ''}`;
  return explanation.actionDue ? `Frist ${formatDate(explanation.actionDue)}` : 'Ingen frist';
}
