/// <reference path="./oidc-provider-types.d.ts" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type OidcContext } from 'oidc-provider';

/** A person at the test's identity provider; `groups` is what LIS's access rules look at. */
interface TestAccount {
  name: string;
  email?: string;
  preferredUsername?: string;
  groups: string[];
  /** Entra ID's groups overage: no groups, a pointer to Microsoft Graph instead */
  groupsOverage?: boolean;
}

export const CLIENT = { id: 'lis', secret: 'lis-test-secret' };

export interface IdentityProvider {
  issuer: string;
  /** change freely between sign-ins: the provider reads them at every sign-in */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

/** A free port on 127.0.0.1, for a server whose address must be known before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1, with LIS as its client. Its development
 * sign-in form accepts any password for an account id; consent is given for LIS at once.
 * `idTokenClaims`: the claims in the ID token itself (as Entra ID sends groups), else in userinfo only.
 */
export async function startIdentityProvider(options: {
  lisUrl: string;
  port?: number;
  idTokenClaims?: boolean;
}): Promise<IdentityProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${options.lisUrl}/api/v1/auth/oidc/callback`],
        post_logout_redirect_uris: [`${options.lisUrl}/`],
        token_endpoint_auth_method: 'client_secret_post',
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub', 'groups'], profile: ['name', 'preferred_username'], email: ['email'] },
    conformIdTokenClaims: !options.idTokenClaims,
    cookies: { keys: ['a test key for the provider cookies'] },
    findAccount: (_ctx: unknown, id: string) => {
      if (!accounts.has(id)) return undefined;
      return {
        accountId: id,
        claims: () => {
          const account = accounts.get(id) as TestAccount;
          return {
            sub: id,
            name: account.name,
            ...(account.groupsOverage
              ? {
                  _claim_names: { groups: 'src1' },
                  _claim_sources: { src1: { endpoint: 'https://graph.example/v1.0/me/getMemberObjects' } },
                }
              : { groups: account.groups }),
            ...(account.email ? { email: account.email } : {}),
            ...(account.preferredUsername ? { preferred_username: account.preferredUsername } : {}),
          };
        },
      };
    },
    // LIS is the municipality's own application: no consent page
    loadExistingGrant: async (ctx: OidcContext) => {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
