import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';
import { RoleSchema } from './roles.ts';

export const MunicipalityCode = Type.String({ pattern: '^[0-9]{3}$', description: '3-digit DST municipality code' });

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 500 }),
  /** the user's municipality in a shared install; default its first (LIS_MUNICIPALITY) */
  municipality: Type.Optional(MunicipalityCode),
});

/** A municipality this install serves. */
export const ServedMunicipality = Type.Object({ code: MunicipalityCode, name: Type.String() });

export const Me = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  /** the org units the caller may read with their subtrees; null = all */
  orgIds: Nullable(Type.Array(Type.String())),
  /** the unit the dashboard opens on */
  homeOrgId: Nullable(Type.String()),
  /** the municipality the caller belongs to: every figure they read is its */
  municipality: ServedMunicipality,
});
export type Me = Static<typeof Me>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  role: Nullable(Type.String()),
  action: Type.String(),
  target: Nullable(Type.String()),
  outcome: Type.String(),
  ip: Nullable(Type.String()),
});
export const AuditList = Type.Array(AuditEntry);
export const AuditQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  action: Type.Optional(Type.String()),
});
