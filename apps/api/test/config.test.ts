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

  it('serves source maps only when LIS_SOURCE_MAPS is on', () => {
    expect(loadConfig({}).sourceMaps).toBe(false);
    expect(loadConfig({ LIS_SOURCE_MAPS: '1' }).sourceMaps).toBe(true);
  });
});
