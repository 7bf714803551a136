import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { findMunicipality } from '@lis/domain';
import { loadDemographyAreas } from './modules/demography/areas.ts';

/** Every setting the product reads, validated at boot (see .env.example). */
export interface Config {
  port: number;
  /** 127.0.0.1 for the embedded store, 0.0.0.0 with DATABASE_URL, unless HOST says otherwise */
  host: string;
  /** PostgreSQL connection string; null means the embedded PGlite store in dataDir */
  databaseUrl: string | null;
  /** a streaming replica of databaseUrl that answers reads (docs/deployment.md); null = all on databaseUrl */
  databaseReadUrl: string | null;
  /** beyond this lag reads go to the primary */
  replicaMaxLagMs: number;
  dataDir: string;
  /** the municipality of a single-municipality install; with several, the one signed in by default and the `lis` command's */
  municipality: string;
  /** every municipality this install serves (LIS_MUNICIPALITIES); [municipality] for a single one */
  municipalities: string[];
  /** seed demo data into an empty embedded store */
  demo: boolean;
  maxUploadBytes: number;
  corsOrigins: string[];
  /**
   * The proxies whose X-Forwarded-For/-Proto/-Host tell the client's address and protocol
   * (addresses and CIDR ranges, as Fastify's trustProxy); false = none.
   */
  trustProxy: false | string[];
  /** serve the web app's source maps (*.map); off in production */
  sourceMaps: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** where the built web app is served from, if it exists */
  webDist: string;
  /** sign-in through the municipality's identity provider (OpenID Connect); null = not configured */
  oidc: OidcConfig | null;
  /** sign-in with a LIS username and password (break-glass admins); the `lis` command works either way */
  localLogin: boolean;
  /** whom a person without access should ask, shown on the sign-in page */
  accessContact: string;
  /** e-mail notifications; null = off (see `notificationsOff` for why) */
  notifications: NotificationsConfig | null;
  /** why notifications are off, for the start message; null when they are on */
  notificationsOff: string | null;
}

export interface NotificationsConfig {
  /** smtp:// or smtps://, optionally with user:password (a nodemailer transport URL) */
  smtpUrl: string;
  from: string;
  /** LIS's address as people open it, without a trailing slash: the e-mails' links */
  publicUrl: string;
  /** the day of the month by which last month's monthly feeds must have arrived */
  feedDueDay: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** LIS's address as the browser sees it, without a trailing slash */
  publicUrl: string;
  /** publicUrl + OIDC_CALLBACK_PATH, registered at the provider */
  redirectUri: string;
  /** the provider's name on the sign-in button */
  label: string;
  scopes: string;
  /** plain http to a provider on this machine (tests, development); https everywhere else */
  allowHttp: boolean;
}

export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';

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
  const databaseReadUrl = env.DATABASE_READ_URL?.trim() || null;
  if (databaseReadUrl && !databaseUrl)
    problems.push('DATABASE_READ_URL (a read replica) needs DATABASE_URL (its primary): the embedded store has no replica');
  else if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl))
    problems.push('DATABASE_READ_URL must be a postgres:// or postgresql:// connection string');
  else if (databaseReadUrl && databaseReadUrl === databaseUrl)
    problems.push('DATABASE_READ_URL must name the replica, not the primary of DATABASE_URL again');
  const municipality = text('LIS_MUNICIPALITY', '849');
  if (!/^\d{3}$/.test(municipality)) problems.push(`LIS_MUNICIPALITY must be a 3-digit municipality code, got "${municipality}"`);
  const municipalities = parseMunicipalities(env.LIS_MUNICIPALITIES?.trim() ?? '', municipality, databaseUrl, problems);
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

  // read now so that a municipality's own file that is wrong stops the start (reference/demography/README.md)
  try {
    loadDemographyAreas(env.LIS_DEMOGRAPHY_AREAS?.trim() || undefined);
  } catch (error) {
    problems.push(`LIS_DEMOGRAPHY_AREAS: ${(error as Error).message}`);
  }

  const trustProxy = parseTrustProxy(env.LIS_TRUST_PROXY?.trim() ?? '', problems);

  const config: Config = {
    port: integer('PORT', 3000, 0, 65535),
    // The embedded store is for one machine (or the demo): reachable from others only when asked.
    host: text('HOST', databaseUrl ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    databaseReadUrl,
    replicaMaxLagMs: integer('LIS_REPLICA_MAX_LAG_MS', 5000, 0, 3_600_000),
    dataDir: resolve(text('LIS_DATA_DIR', './data')),
    municipality,
    municipalities,
    demo: flag('LIS_DEMO', true),
    maxUploadBytes: integer('LIS_MAX_UPLOAD_MB', 200, 1, 10_000) * 1024 * 1024,
    corsOrigins,
    trustProxy,
    sourceMaps: flag('LIS_SOURCE_MAPS', false),
    logLevel: logLevel as Config['logLevel'],
    webDist: resolve(text('LIS_WEB_DIST', new URL('../../web/dist', import.meta.url).pathname)),
    oidc: parseOidc(env, problems),
    localLogin: flag('LIS_LOCAL_LOGIN', true),
    accessContact: text('LIS_ACCESS_CONTACT', 'LIS-administratoren'),
    ...parseNotifications(env, problems, integer('LIS_FEED_DUE_DAY', 10, 1, 28)),
  };
  if (!config.localLogin && !config.oidc)
    problems.push('LIS_LOCAL_LOGIN=0 needs sign-in through the identity provider (LIS_OIDC_ISSUER …): else nobody could sign in');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * LIS_MUNICIPALITIES: the codes a shared install serves from one PostgreSQL store (ADR 0015), each
 * a municipality of the DST list; LIS_MUNICIPALITY must be one of them. Empty = LIS_MUNICIPALITY alone.
 */
function parseMunicipalities(raw: string, municipality: string, databaseUrl: string | null, problems: string[]): string[] {
  if (raw === '') return [municipality];
  const codes = [...new Set(raw.split(',').map((code) => code.trim()))].filter(Boolean);
  const unknown = codes.filter((code) => !findMunicipality(code));
  if (unknown.length > 0)
    problems.push(`LIS_MUNICIPALITIES: ${unknown.join(', ')} is not a municipality code of Danmarks Statistik`);
  if (!codes.includes(municipality))
    problems.push(`LIS_MUNICIPALITY (${municipality}) must be one of LIS_MUNICIPALITIES (${codes.join(', ')})`);
  if (codes.length > 1 && !databaseUrl)
    problems.push(
      'LIS_MUNICIPALITIES with several municipalities needs DATABASE_URL: the embedded store serves one municipality',
    );
  return codes;
}

const OIDC_REQUIRED = ['LIS_OIDC_ISSUER', 'LIS_OIDC_CLIENT_ID', 'LIS_OIDC_CLIENT_SECRET', 'LIS_PUBLIC_URL'] as const;

/** The identity provider's settings: all four variables or none. */
function parseOidc(env: NodeJS.ProcessEnv, problems: string[]): OidcConfig | null {
  const value = (name: string) => env[name]?.trim() ?? '';
  const missing = OIDC_REQUIRED.filter((name) => !value(name));
  // LIS_PUBLIC_URL alone (for the e-mails' links) does not ask for the identity provider.
  if (OIDC_REQUIRED.every((name) => name === 'LIS_PUBLIC_URL' || missing.includes(name))) return null;
  if (missing.length > 0) {
    const given = OIDC_REQUIRED.filter((name) => value(name));
    problems.push(
      `Sign-in through the identity provider needs ${OIDC_REQUIRED.join(', ')}; ${given.join(', ')} set but ${missing.join(', ')} missing`,
    );
    return null;
  }
  const issuer = webAddress('LIS_OIDC_ISSUER', value('LIS_OIDC_ISSUER'), problems);
  const publicUrl = webAddress('LIS_PUBLIC_URL', value('LIS_PUBLIC_URL'), problems);
  if (!issuer || !publicUrl) return null;
  return {
    issuer: value('LIS_OIDC_ISSUER'),
    clientId: value('LIS_OIDC_CLIENT_ID'),
    clientSecret: value('LIS_OIDC_CLIENT_SECRET'),
    publicUrl: publicUrl.href.replace(/\/$/, ''),
    redirectUri: `${publicUrl.href.replace(/\/$/, '')}${OIDC_CALLBACK_PATH}`,
    label: value('LIS_OIDC_NAME') || 'kommunens login',
    scopes: value('LIS_OIDC_SCOPES') || 'openid profile email',
    allowHttp: issuer.protocol === 'http:',
  };
}

/** E-mail needs an SMTP server and LIS's public address (the links); either missing = off, saying why. */
function parseNotifications(
  env: NodeJS.ProcessEnv,
  problems: string[],
  feedDueDay: number,
): Pick<Config, 'notifications' | 'notificationsOff'> {
  const smtpUrl = env.LIS_SMTP_URL?.trim() ?? '';
  const publicUrl = env.LIS_PUBLIC_URL?.trim() ?? '';
  if (!smtpUrl) return { notifications: null, notificationsOff: 'no LIS_SMTP_URL' };
  let smtp: URL;
  try {
    smtp = new URL(smtpUrl);
  } catch {
    smtp = new URL('invalid:');
  }
  if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:') {
    problems.push('LIS_SMTP_URL must be an address like smtp://mail.example.dk:587 or smtps://user:password@mail.example.dk');
    return { notifications: null, notificationsOff: 'LIS_SMTP_URL is invalid' };
  }
  if (!publicUrl) return { notifications: null, notificationsOff: "no LIS_PUBLIC_URL (the e-mails' links need it)" };
  if (!webAddress('LIS_PUBLIC_URL', publicUrl, problems))
    return { notifications: null, notificationsOff: 'LIS_PUBLIC_URL is invalid' };
  const from = env.LIS_SMTP_FROM?.trim() || `LIS <lis@${smtp.hostname}>`;
  return {
    notifications: { smtpUrl, from, publicUrl: publicUrl.replace(/\/+$/, ''), feedDueDay },
    notificationsOff: null,
  };
}

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** An https address, or http on this machine only: codes and tokens must not cross a network in the clear. */
function webAddress(name: string, raw: string, problems: string[]): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be an address like https://login.example.dk/…, got "${raw}"`);
    return null;
  }
  const local = url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname);
  if ((url.protocol !== 'https:' && !local) || url.search || url.hash || url.username) {
    problems.push(`${name} must be an https:// address without query (http:// only for localhost), got "${raw}"`);
    return null;
  }
  return url;
}

const PROXY_ADDRESS_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * LIS_TRUST_PROXY: empty or 0 = trust no proxy; else the proxies' addresses and CIDR ranges (or
 * loopback, linklocal, uniquelocal). Not a hop count or "all": X-Forwarded-For is believed only
 * from a peer whose address is known, or any client could name its own address.
 */
function parseTrustProxy(raw: string, problems: string[]): Config['trustProxy'] {
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const isAddress = (entry: string) => {
    const [address = '', bits, ...rest] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
  };
  const wrong = entries.filter((entry) => !isAddress(entry) && !PROXY_ADDRESS_NAMES.includes(entry));
  if (wrong.length > 0 || entries.length === 0) {
    problems.push(
      `LIS_TRUST_PROXY must be 0 (no proxy) or the proxies' addresses, like loopback or 10.0.0.5,172.16.0.0/12; got "${raw}"`,
    );
    return false;
  }
  return entries;
}
