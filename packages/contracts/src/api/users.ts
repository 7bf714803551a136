import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';
import { RoleSchema } from './roles.ts';

/** A claim's name in the provider's ID token: "groups", "roles", "extension_afdeling", a URI. */
export const ACCESS_RULE_CLAIM_PATTERN = '^[A-Za-z0-9_.:/-]{1,100}$';
export const ACCESS_RULE_VALUE_MAX_LENGTH = 200;
export const ACCESS_RULE_NOTE_MAX_LENGTH = 500;
/** The claim most providers put groups in (Entra ID: the groups' object ids). */
export const DEFAULT_ACCESS_RULE_CLAIM = 'groups';

export const UserSource = Type.Union([Type.Literal('local'), Type.Literal('oidc')]);
export type UserSource = Static<typeof UserSource>;

export const UserSummary = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  /** a chef's units (with their subtrees); null for every other role */
  orgIds: Nullable(Type.Array(Type.String())),
  /** local: a LIS password; oidc: the municipality's identity provider */
  source: UserSource,
  disabled: Type.Boolean(),
  lastSignInAt: Nullable(Type.String({ format: 'date-time' })),
  /** sessions not ended, idle or too old */
  activeSessions: Type.Integer({ minimum: 0 }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type UserSummary = Static<typeof UserSummary>;
export const UserList = Type.Array(UserSummary);

export const UserParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) });

export const SessionsEnded = Type.Object({ sessionsEnded: Type.Integer({ minimum: 0 }) });
export type SessionsEnded = Static<typeof SessionsEnded>;

export const PasswordResetBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 500 }) });

/** A rule: a person whose claim holds the value gets the role (a chef: the units, with their subtrees). */
export const AccessRuleBody = Type.Object(
  {
    claim: Type.String({ pattern: ACCESS_RULE_CLAIM_PATTERN, description: 'letters, digits and _ . : / -, at most 100' }),
    value: Type.String({ minLength: 1, maxLength: ACCESS_RULE_VALUE_MAX_LENGTH }),
    role: RoleSchema,
    /** at least one for a chef; none for every other role */
    orgIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500 }),
    note: Type.Optional(Nullable(Type.String({ maxLength: ACCESS_RULE_NOTE_MAX_LENGTH }))),
  },
  { additionalProperties: false },
);
export type AccessRuleBody = Static<typeof AccessRuleBody>;

export const AccessRuleView = Type.Object({
  id: Type.Integer(),
  claim: Type.String(),
  value: Type.String(),
  role: RoleSchema,
  orgIds: Type.Array(Type.String()),
  note: Nullable(Type.String()),
});
export type AccessRuleView = Static<typeof AccessRuleView>;
export const AccessRuleList = Type.Array(AccessRuleView);

export const AccessRuleParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
