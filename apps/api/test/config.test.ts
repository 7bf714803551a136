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
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'LIS_MUNICIPALITY', 'LIS_DEMO', 'DATABASE_URL', 'LIS_CORS_ORIGINS'])
        expect(problems).toContain(name);
    }
  });

  it('reads PostgreSQL, demo off and an upload limit', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://lis@db/lis', LIS_DEMO: '0', LIS_MAX_UPLOAD_MB: '5' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://lis@db/lis', demo: false, maxUploadBytes: 5 * 1024 * 1024 });
  });
});
