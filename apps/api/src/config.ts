import { resolve } from 'node:path';

/** Every setting the product reads, validated at boot (see .env.example). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; null means the embedded PGlite store in dataDir */
  databaseUrl: string | null;
  dataDir: string;
  municipality: string;
  /** seed demo data into an empty embedded store */
  demo: boolean;
  maxUploadBytes: number;
  corsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** where the built web app is served from, if it exists */
  webDist: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const text = (name: string, fallback: string) => env[name]?.trim() || fallback;
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string, fallback: boolean) => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be 1 or 0 (true/false), got "${env[name]}"`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string');
  }
  const municipality = text('LIS_MUNICIPALITY', '849');
  if (!/^\d{3}$/.test(municipality)) problems.push(`LIS_MUNICIPALITY must be a 3-digit municipality code, got "${municipality}"`);
  const logLevel = text('LOG_LEVEL', 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const corsOrigins = text('LIS_CORS_ORIGINS', '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`LIS_CORS_ORIGINS: "${origin}" is not an origin like https://lis.example.dk`);
  }

  const config: Config = {
    port: integer('PORT', 3000, 0, 65535),
    host: text('HOST', '0.0.0.0'),
    databaseUrl,
    dataDir: resolve(text('LIS_DATA_DIR', './data')),
    municipality,
    demo: flag('LIS_DEMO', true),
    maxUploadBytes: integer('LIS_MAX_UPLOAD_MB', 200, 1, 10_000) * 1024 * 1024,
    corsOrigins,
    logLevel: logLevel as Config['logLevel'],
    webDist: resolve(text('LIS_WEB_DIST', new URL('../../web/dist', import.meta.url).pathname)),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
