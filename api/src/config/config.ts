import { resolve } from 'node:path';

export type DemoSeed = 'auto' | 'always' | 'never';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Everything the API reads from its environment, validated once at start-up. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** PostgreSQL connection string; null means the embedded PGlite database under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  dbConnectTimeoutMs: number;
  dbStatementTimeoutMs: number;
  dbPoolSize: number;
  /** Statements with parameters prepared once per connection (off behind a pooler that cannot keep them). */
  dbPrepareStatements: boolean;
  /**
   * auto: the demo programme goes into an empty embedded database, outside production only;
   * always: at every start, into any database (idempotent); never.
   */
  demoSeed: DemoSeed;
  logLevel: LogLevel;
  graphqlIntrospection: boolean;
  /** Put each GraphQL response's SQL statement count in `extensions.sqlStatements` (tests, benchmark). */
  graphqlSqlCount: boolean;
  shutdownTimeoutMs: number;
  /** Folder of the built portal; null serves no portal (API only). */
  webDist: string | null;
  /** How long a pupil's session lasts: a school day, so a shared tablet forgets them. */
  pupilSessionHours: number;
  staffSessionHours: number;
  /** Behind a reverse proxy, the client address is the last one it appended to X-Forwarded-For. */
  trustProxy: boolean;
  /** Sign-in failures slow the guesser down (growing delays) rather than lock anyone out: see identity/sign-in-delays.ts. */
  signInThrottle: SignInThrottleConfig;
  invitationDays: number;
  /** The largest upload the files endpoint accepts. */
  fileMaxBytes: number;
  /** Where uploaded files live: under dataDir/files, or in an S3-compatible bucket. */
  fileStore: FileStoreConfig;
  /** Redis for events between API processes (notifications); null keeps them inside this process. */
  redisUrl: string | null;
  /** Whether this process runs the hourly retention job (warnings, then purges). */
  retentionJob: boolean;
  /**
   * Origins (scheme://host[:port]) besides the API's own from which a browser may open the
   * GraphQL WebSocket: the Vite dev and preview servers in development, none in production,
   * where the API serves the portal itself.
   */
  allowedOrigins: string[];
  /** How often open subscriptions are checked for sessions that expired or ended unannounced. */
  subscriptionSessionCheckMs: number;
  /** How long a process may answer with a session it checked, without checking it again; 0 checks every request. */
  sessionCacheMs: number;
}

export interface SignInThrottleConfig {
  /** A counter forgets its failures after this long without one (counted from the end of its last delay). */
  windowMinutes: number;
  /** The wait after the first failure past a counter's free ones; each further failure doubles it. */
  firstDelaySeconds: number;
  /** The longest delay any counter imposes. */
  maxDelaySeconds: number;
  /** Staff: failures of one account from one address before that address waits. */
  freePerAccountAddress: number;
  /** Staff: failures of one account from all addresses before every address that failed it waits. */
  freePerAccount: number;
  /** Staff: failures from one address, whatever the account, before that address waits. */
  freePerAddress: number;
  /** Pupils: wrong codes for one class code from one address (a school's) before that address waits for that class. */
  freePerClassAddress: number;
  /** Pupils: wrong codes for one class code from all addresses before every address that failed it waits. */
  freePerClass: number;
}

export type FileStoreConfig =
  | { kind: 'local' }
  | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function databaseUrl(env: Env): string | null {
  const raw = read(env, 'DATABASE_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL (expected postgres://user@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql:// (got "${url.protocol}//")`);
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    throw new ConfigError('DATABASE_URL', 'names no host');
  }
  if (url.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL', 'names no database (add /databasename after the host)');
  }
  return raw;
}

function redisUrl(env: Env): string | null {
  const raw = read(env, 'REDIS_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('REDIS_URL', 'is not a valid URL (expected redis://host:6379)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must start with redis:// or rediss:// (got "${url.protocol}//")`);
  }
  if (url.hostname === '') throw new ConfigError('REDIS_URL', 'names no host');
  return raw;
}

/** The portal's origins in development: Vite's dev server (5173) and its preview (4173). */
const DEV_PORTAL_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'];

function allowedOrigins(env: Env, nodeEnv: AppConfig['nodeEnv']): string[] {
  const raw = read(env, 'ALLOWED_ORIGINS');
  if (raw === undefined) return nodeEnv === 'production' ? [] : [...DEV_PORTAL_ORIGINS];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new ConfigError('ALLOWED_ORIGINS', `holds "${entry}", which is not an origin (expected https://portal.example.org)`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new ConfigError('ALLOWED_ORIGINS', `holds "${entry}", which must start with https:// or http://`);
      }
      // A browser's Origin header never has a path, query or credentials: an entry with one would match nothing.
      if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
        throw new ConfigError('ALLOWED_ORIGINS', `holds "${entry}", which must be scheme://host[:port] only, without a path`);
      }
      return url.origin;
    });
}

function required(env: Env, name: string, when: string): string {
  const value = read(env, name);
  if (value === undefined) throw new ConfigError(name, `is required when ${when}`);
  return value;
}

/** The S3 settings matter only with FILE_STORE=s3; otherwise they are ignored, even if malformed. */
function fileStore(env: Env): FileStoreConfig {
  const kind = oneOf(env, 'FILE_STORE', ['local', 's3'] as const, 'local');
  if (kind === 'local') return { kind };
  const when = 'FILE_STORE=s3';
  const endpoint = required(env, 'S3_ENDPOINT', when);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigError('S3_ENDPOINT', `is not a valid URL (expected https://s3.example.com, got "${endpoint}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('S3_ENDPOINT', `must start with https:// or http:// (got "${url.protocol}//")`);
  }
  return {
    kind,
    endpoint: url.origin + url.pathname.replace(/\/+$/, ''),
    bucket: required(env, 'S3_BUCKET', when),
    region: required(env, 'S3_REGION', when),
    accessKeyId: required(env, 'S3_ACCESS_KEY_ID', when),
    secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY', when),
  };
}

function signInThrottle(env: Env): SignInThrottleConfig {
  return {
    windowMinutes: integer(env, 'SIGN_IN_WINDOW_MINUTES', 15, 1, 1440),
    firstDelaySeconds: integer(env, 'SIGN_IN_FIRST_DELAY_SECONDS', 1, 1, 3600),
    maxDelaySeconds: integer(env, 'SIGN_IN_MAX_DELAY_SECONDS', 900, 1, 86400),
    freePerAccountAddress: integer(env, 'SIGN_IN_FREE_FAILURES_PER_ACCOUNT_ADDRESS', 5, 0, 1000),
    freePerAccount: integer(env, 'SIGN_IN_FREE_FAILURES_PER_ACCOUNT', 20, 0, 100000),
    freePerAddress: integer(env, 'SIGN_IN_FREE_FAILURES_PER_ADDRESS', 30, 0, 100000),
    // A whole class shares the school's address and children mistype: 45 pupils × 3 tries fit.
    freePerClassAddress: integer(env, 'SIGN_IN_FREE_FAILURES_PER_CLASS_ADDRESS', 150, 0, 100000),
    freePerClass: integer(env, 'SIGN_IN_FREE_FAILURES_PER_CLASS', 300, 0, 100000),
  };
}

/**
 * Reads and validates the configuration. Throws ConfigError naming the first bad variable.
 * `defaults.webDist` is where the built portal lies relative to the running code.
 */
export function loadConfig(env: Env = process.env, defaults: { webDist?: string | null } = {}): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const dataDir = resolve(read(env, 'DATA_DIR') ?? './data');
  const webDistRaw = read(env, 'WEB_DIST');
  return {
    nodeEnv,
    host: read(env, 'HOST') ?? '0.0.0.0',
    port: integer(env, 'PORT', 3000, 1, 65535),
    databaseUrl: databaseUrl(env),
    dataDir,
    dbConnectTimeoutMs: integer(env, 'DB_CONNECT_TIMEOUT_MS', 5000, 100, 120000),
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    dbPrepareStatements: bool(env, 'DB_PREPARE_STATEMENTS', true),
    demoSeed: oneOf(env, 'DEMO_SEED', ['auto', 'always', 'never'] as const, 'auto'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    graphqlIntrospection: bool(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    graphqlSqlCount: bool(env, 'GRAPHQL_SQL_COUNT', false),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 9000, 100, 60000),
    webDist: webDistRaw === undefined ? (defaults.webDist ?? null) : resolve(webDistRaw),
    pupilSessionHours: integer(env, 'PUPIL_SESSION_HOURS', 8, 1, 72),
    staffSessionHours: integer(env, 'STAFF_SESSION_HOURS', 168, 1, 720),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    signInThrottle: signInThrottle(env),
    invitationDays: integer(env, 'INVITATION_DAYS', 7, 1, 60),
    fileMaxBytes: integer(env, 'FILE_MAX_BYTES', 20 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    fileStore: fileStore(env),
    redisUrl: redisUrl(env),
    // Tests run the job themselves, at the dates they choose.
    retentionJob: bool(env, 'RETENTION_JOB', nodeEnv !== 'test'),
    allowedOrigins: allowedOrigins(env, nodeEnv),
    subscriptionSessionCheckMs: integer(env, 'SUBSCRIPTION_SESSION_CHECK_MS', 60_000, 100, 3_600_000),
    sessionCacheMs: integer(env, 'SESSION_CACHE_MS', 2000, 0, 60_000),
  };
}
