import { type Static, Type } from 'typebox';
import { MunicipalityCode, ServedMunicipality } from './auth.ts';
import { Nullable } from './common.ts';

/** How one can sign in here: with a LIS password, through the municipality's identity provider, or both. */
export const AuthMethods = Type.Object({
  local: Type.Boolean(),
  /** the identity provider's button; null when it is not configured */
  oidc: Nullable(Type.Object({ label: Type.String() })),
  /** whom a person without access should ask */
  accessContact: Type.String(),
  /** the municipalities served here: more than one = a shared install, where sign-in names the municipality */
  municipalities: Type.Array(ServedMunicipality),
});
export type AuthMethods = Static<typeof AuthMethods>;

export const OidcLoginQuery = Type.Object({
  /** the LIS page to open after sign-in: a path on this site ("/…"); anything else opens the front page */
  returnTo: Type.Optional(Type.String({ maxLength: 2000 })),
  /** the municipality to sign in to, in a shared install; default its first (LIS_MUNICIPALITY) */
  municipality: Type.Optional(MunicipalityCode),
});

/** What the identity provider sends back to the callback; all optional, the service decides what is missing. */
export const OidcCallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4000 })),
    state: Type.Optional(Type.String({ maxLength: 500 })),
    error: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: true },
);

export const LogoutResult = Type.Object({
  /** the identity provider's logout page for an OIDC session (ends the sign-in there too); null otherwise */
  providerLogoutUrl: Nullable(Type.String()),
});
export type LogoutResult = Static<typeof LogoutResult>;

/** Why a sign-in through the identity provider did not open LIS: the sign-in page gets it as `/?login=<reason>`. */
export const OIDC_SIGN_IN_FAILURES = ['no_access', 'disabled', 'failed'] as const;
export type OidcSignInFailure = (typeof OIDC_SIGN_IN_FAILURES)[number];
