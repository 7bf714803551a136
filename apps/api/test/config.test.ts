import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      municipality: '849',
      demo: true,
      maxUploadBytes: 200 * 1024 * 1024,
    });
  });

  it('names every wrong variable at once', () => {
    const bad = () =>
      loadConfig({
        PORT: 'eighty',
        LIS_MUNICIPALITY: '8490',
        LIS_DEMO: 'maybe',
        DATABASE_URL: 'mysql://x',
        LIS_CORS_ORIGINS: 'lis.example.dk',
        LIS_TRUST_PROXY: '10.0.0.300',
        LIS_SOURCE_MAPS: 'sometimes',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of [
        'PORT',
        'LIS_MUNICIPALITY',
        'LIS_DEMO',
        'DATABASE_URL',
        'LIS_CORS_ORIGINS',
        'LIS_TRUST_PROXY',
        'LIS_SOURCE_MAPS',
      ])
        expect(problems).toContain(name);
    }
  });

  it('reads PostgreSQL, demo off and an upload limit', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://lis@db/lis', LIS_DEMO: '0', LIS_MAX_UPLOAD_MB: '5' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://lis@db/lis', demo: false, maxUploadBytes: 5 * 1024 * 1024 });
  });

  it('listens on 127.0.0.1 with the embedded store and on every interface with PostgreSQL, unless HOST says', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ DATABASE_URL: 'postgres://lis@db/lis' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATABASE_URL: 'postgres://lis@db/lis', HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
  });

  it('trusts no proxy by default, and the proxies named in LIS_TRUST_PROXY', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ LIS_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ LIS_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ LIS_TRUST_PROXY: ' 10.0.0.5, 172.16.0.0/12 ,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      '::1',
    ]);
    // a hop count or "all" would believe any client that sends X-Forwarded-For itself
    for (const value of ['1', '2', 'true', 'all', '10.0.0.0/33', 'proxy.local'])
      expect(() => loadConfig({ LIS_TRUST_PROXY: value }), value).toThrow(/LIS_TRUST_PROXY/);
  });

  const OIDC = {
    LIS_OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0',
    LIS_OIDC_CLIENT_ID: 'lis-client',
    LIS_OIDC_CLIENT_SECRET: 'a secret',
    LIS_PUBLIC_URL: 'https://lis.kommune.dk/',
  };

  it('has no identity provider and local sign-in by default', () => {
    expect(loadConfig({})).toMatchObject({ oidc: null, localLogin: true, accessContact: 'LIS-administratoren' });
  });

  it('reads the identity provider: the callback under LIS_PUBLIC_URL, a label, scopes, whom to ask', () => {
    expect(loadConfig(OIDC).oidc).toEqual({
      issuer: OIDC.LIS_OIDC_ISSUER,
      clientId: 'lis-client',
      clientSecret: 'a secret',
      publicUrl: 'https://lis.kommune.dk',
      redirectUri: 'https://lis.kommune.dk/api/v1/auth/oidc/callback',
      label: 'kommunens login',
      scopes: 'openid profile email',
      allowHttp: false,
    });
    const named = loadConfig({
      ...OIDC,
      LIS_OIDC_NAME: 'Aarhus Kommunes login',
      LIS_OIDC_SCOPES: 'openid profile',
      LIS_ACCESS_CONTACT: 'IT-support, tlf. 8940 0000',
      LIS_LOCAL_LOGIN: '0',
    });
    expect(named).toMatchObject({
      oidc: { label: 'Aarhus Kommunes login', scopes: 'openid profile' },
      localLogin: false,
      accessContact: 'IT-support, tlf. 8940 0000',
    });
  });

  it('needs all four identity provider variables or none', () => {
    for (const left of Object.keys(OIDC)) {
      const partial: Record<string, string> = { ...OIDC };
      delete partial[left];
      expect(() => loadConfig(partial), left).toThrow(new RegExp(`${left} missing`));
    }
    expect(() => loadConfig({ LIS_OIDC_ISSUER: OIDC.LIS_OIDC_ISSUER })).toThrow(
      /LIS_OIDC_ISSUER set but LIS_OIDC_CLIENT_ID, LIS_OIDC_CLIENT_SECRET, LIS_PUBLIC_URL missing/,
    );
  });

  it('talks to the identity provider over https, plain http only on this machine', () => {
    expect(() => loadConfig({ ...OIDC, LIS_OIDC_ISSUER: 'http://login.kommune.dk' })).toThrow(/LIS_OIDC_ISSUER must be an https/);
    expect(() => loadConfig({ ...OIDC, LIS_PUBLIC_URL: 'http://lis.kommune.dk' })).toThrow(/LIS_PUBLIC_URL must be an https/);
    expect(() => loadConfig({ ...OIDC, LIS_OIDC_ISSUER: 'login.kommune.dk' })).toThrow(/LIS_OIDC_ISSUER must be an address/);
    const local = loadConfig({ ...OIDC, LIS_OIDC_ISSUER: 'http://127.0.0.1:4000', LIS_PUBLIC_URL: 'http://localhost:3000' });
    expect(local.oidc).toMatchObject({ allowHttp: true, redirectUri: 'http://localhost:3000/api/v1/auth/oidc/callback' });
  });

  it('refuses LIS_LOCAL_LOGIN=0 without an identity provider: nobody could sign in', () => {
    expect(() => loadConfig({ LIS_LOCAL_LOGIN: '0' })).toThrow(/LIS_LOCAL_LOGIN=0 needs/);
    expect(() => loadConfig({ LIS_LOCAL_LOGIN: 'nej' })).toThrow(/LIS_LOCAL_LOGIN must be 1 or 0/);
  });

  it('serves LIS_MUNICIPALITY alone, or the municipalities of LIS_MUNICIPALITIES from a PostgreSQL store', () => {
    expect(loadConfig({ LIS_MUNICIPALITY: '851' }).municipalities).toEqual(['851']);
    const postgres = { DATABASE_URL: 'postgres://lis@db/lis' };
    expect(loadConfig({ ...postgres, LIS_MUNICIPALITIES: ' 787, 849,849 ' })).toMatchObject({
      municipality: '849',
      municipalities: ['787', '849'],
    });
    expect(() => loadConfig({ ...postgres, LIS_MUNICIPALITIES: '787,860' })).toThrow(
      /LIS_MUNICIPALITY \(849\) must be one of LIS_MUNICIPALITIES \(787, 860\)/,
    );
    expect(() => loadConfig({ ...postgres, LIS_MUNICIPALITIES: '849,999' })).toThrow(/999 is not a municipality code/);
    expect(() => loadConfig({ LIS_MUNICIPALITIES: '849,787' })).toThrow(/needs DATABASE_URL/);
    // one municipality needs no server
    expect(loadConfig({ LIS_MUNICIPALITIES: '849' }).municipalities).toEqual(['849']);
  });

  it('takes a read replica only beside a PostgreSQL primary, with its lag limit', () => {
    expect(loadConfig({})).toMatchObject({ databaseReadUrl: null, replicaMaxLagMs: 5000 });
    const primary = 'postgres://lis@db/lis';
    const replica = 'postgres://lis@replica/lis';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: replica, LIS_REPLICA_MAX_LAG_MS: '2000' })).toMatchObject({
      databaseReadUrl: replica,
      replicaMaxLagMs: 2000,
    });
    expect(() => loadConfig({ DATABASE_READ_URL: replica })).toThrow(/DATABASE_READ_URL \(a read replica\) needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'replica:5432' })).toThrow(
      /DATABASE_READ_URL must be a postgres:\/\//,
    );
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: primary })).toThrow(
      /DATABASE_READ_URL must name the replica/,
    );
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: replica, LIS_REPLICA_MAX_LAG_MS: '-1' })).toThrow(
      /LIS_REPLICA_MAX_LAG_MS must be a whole number/,
    );
  });

  it('serves source maps only when LIS_SOURCE_MAPS is on', () => {
    expect(loadConfig({}).sourceMaps).toBe(false);
    expect(loadConfig({ LIS_SOURCE_MAPS: '1' }).sourceMaps).toBe(true);
  });
});
