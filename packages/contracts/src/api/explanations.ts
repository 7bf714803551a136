import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';
import { KpiStatus } from './indicators.ts';

// A chef's explanation of a yellow or red figure (forklaring) and what will be done (handling).
// Who may write is GRANTS['explanations:write'] and, for a chef, their own subtree; the server
// answers `mayExplain` so the web never re-derives it.

const Month = Type.String({ pattern: '^[1-9]\\d{3}-(0[1-9]|1[0-2])$', description: 'month, YYYY-MM' });
const Day = Type.String({ pattern: '^[1-9]\\d{3}-\\d{2}-\\d{2}$', description: 'date, YYYY-MM-DD' });

export const EXPLANATION_TEXT_MAX_LENGTH = 2000;
export const ACTION_TEXT_MAX_LENGTH = 1000;
export const ACTION_OWNER_MAX_LENGTH = 200;

/** Empty strings count as not given: a form sends what its fields hold. */
export const ExplanationInput = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: EXPLANATION_TEXT_MAX_LENGTH, description: 'why the figure is as it is' }),
    action: Type.Optional(Nullable(Type.String({ maxLength: ACTION_TEXT_MAX_LENGTH, description: 'what will be done' }))),
    actionOwner: Type.Optional(Nullable(Type.String({ maxLength: ACTION_OWNER_MAX_LENGTH, description: 'who owns the action' }))),
    actionDue: Type.Optional(
      Nullable(Type.Union([Day, Type.Literal('')], { description: 'when the action is due, YYYY-MM-DD' })),
    ),
    expectedEffect: Type.Optional(
      Nullable(Type.String({ maxLength: ACTION_TEXT_MAX_LENGTH, description: 'what the action should change' })),
    ),
  },
  { additionalProperties: false },
);
export type ExplanationInput = Static<typeof ExplanationInput>;

export const ExplanationParams = Type.Object({
  kpiId: Type.String({ minLength: 1, maxLength: 100 }),
  orgId: Type.String({ minLength: 1, maxLength: 100 }),
  period: Month,
});

export const ActionDoneInput = Type.Object(
  { done: Type.Boolean({ description: 'true marks the action done, false opens it again' }) },
  { additionalProperties: false },
);

export const Explanation = Type.Object({
  kpiId: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  period: Type.String({ description: 'YYYY-MM' }),
  text: Type.String(),
  action: Nullable(Type.String()),
  actionOwner: Nullable(Type.String()),
  actionDue: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  expectedEffect: Nullable(Type.String()),
  actionDoneAt: Nullable(Type.String({ description: 'ISO time' })),
  actionDoneBy: Nullable(Type.String()),
  version: Type.Integer(),
  updatedBy: Type.String(),
  updatedAt: Type.String({ description: 'ISO time' }),
});
export type Explanation = Static<typeof Explanation>;

export const ExplanationQuery = Type.Object({
  org: Type.String({ minLength: 1 }),
  period: Type.Optional(Type.String({ ...Month, description: 'one month; without it every month of the unit' })),
  kpi: Type.Optional(Type.String({ minLength: 1, description: 'one KPI (its series); without it every KPI' })),
});

export const ExplanationList = Type.Object({
  orgId: Type.String(),
  period: Nullable(Type.String()),
  /** whether the caller may write explanations for this unit */
  mayExplain: Type.Boolean(),
  items: Type.Array(Explanation),
});
export type ExplanationList = Static<typeof ExplanationList>;

export const ExplanationVersion = Type.Object({
  version: Type.Integer(),
  change: Type.Union([Type.Literal('written'), Type.Literal('action_done'), Type.Literal('action_reopened')]),
  text: Type.String(),
  action: Nullable(Type.String()),
  actionOwner: Nullable(Type.String()),
  actionDue: Nullable(Type.String()),
  expectedEffect: Nullable(Type.String()),
  actionDoneAt: Nullable(Type.String()),
  actionDoneBy: Nullable(Type.String()),
  changedBy: Type.String(),
  changedAt: Type.String(),
});
export const ExplanationHistory = Type.Object({ items: Type.Array(ExplanationVersion, { description: 'newest first' }) });

export const MissingQuery = Type.Object({
  period: Type.Optional(Type.String({ ...Month, description: 'default: the newest month with data' })),
});

export const MissingExplanation = Type.Object({
  kpiId: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  status: KpiStatus,
  value: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
});
export type MissingExplanation = Static<typeof MissingExplanation>;

export const MissingExplanationList = Type.Object({
  period: Nullable(Type.String()),
  items: Type.Array(MissingExplanation),
});
export type MissingExplanationList = Static<typeof MissingExplanationList>;

export const OverdueActionList = Type.Object({
  today: Type.String({ description: 'YYYY-MM-DD' }),
  items: Type.Array(Explanation),
});
