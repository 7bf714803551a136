import { type Static, Type } from 'typebox';
import { Nullable, StringEnum } from './common.ts';
import { ExportFormat, KpiStatus, OrgUnit } from './indicators.ts';

export const MatrixQuery = Type.Object({
  org: Type.String({ minLength: 1, description: 'the unit whose children are the rows' }),
  period: Type.Optional(
    Type.String({ pattern: '^[1-9]\\d{3}-(0[1-9]|1[0-2])$', description: 'month, YYYY-MM; default: the newest month with data' }),
  ),
  format: ExportFormat,
});

export const MatrixCell = Type.Object({
  kpiId: Type.String(),
  value: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  status: KpiStatus,
  /** the reason when status is suppressed */
  suppressedReason: Nullable(Type.String()),
  /** a forklaring has been written for the figure (GET /explanations?org=&period= reads it) */
  explained: Type.Boolean(),
});
export type MatrixCell = Static<typeof MatrixCell>;

export const MatrixRow = Type.Object({
  org: OrgUnit,
  /** true for the unit itself (the first row), false for its children */
  own: Type.Boolean(),
  /** the worst of the row's statuses (red before yellow before green), as a sub-unit's chip shows it */
  worstStatus: KpiStatus,
  /** one per column, in the columns' order */
  cells: Type.Array(MatrixCell),
});
export type MatrixRow = Static<typeof MatrixRow>;

export const MatrixTheme = Type.Object({
  theme: StringEnum(['oekonomi', 'kerneopgave', 'kompetencer', 'sagsbehandling', 'ressourcer', 'arbejdsplads', 'loefter']),
  name: Type.String(),
  kpiIds: Type.Array(Type.String()),
});

/** A unit and its children (rows) × the KPIs shown for all of them, grouped by theme (columns), for one month. */
export const Matrix = Type.Object({
  org: OrgUnit,
  period: Type.String(),
  latestPeriod: Nullable(Type.String()),
  themes: Type.Array(MatrixTheme),
  rows: Type.Array(MatrixRow),
});
export type Matrix = Static<typeof Matrix>;
