import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Repository root, whether running from src (ts) or dist/backend/src (js). */
export const REPO_ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../../..' : '../../..',
);

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded in base64');

/** PEM of an Ed25519 private key (PKCS#8), e.g. from `openssl genpkey -algorithm ed25519`. */
const ed25519Pem = z.string().refine((v) => {
  try {
    return createPrivateKey(v.replace(/\\n/g, '\n')).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}, 'must be an Ed25519 private key in PEM (PKCS#8)');

/** Comma-separated PEM public keys of earlier signing keys, still published so old credentials verify. */
const ed25519PublicPems = z.string().refine((v) => splitPems(v).every((pem) => {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}), 'must be Ed25519 public keys in PEM, separated by commas');

/**
 * OpenID Connect providers as a JSON array (`OIDC_PROVIDERS`). Everything provider-specific is here:
 * the code knows only issuers, clients, scopes and which claims carry what.
 */
const oidcProviders = z
  .string()
  .transform((v, ctx) => {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of providers' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]{2,30}$/, 'id: 2–30 lowercase letters, digits or dashes'),
          label: z.string().min(2).max(60).optional(),
          issuer: z.url({ protocol: /^https?$/ }),
          clientId: z.string().min(1),
          clientSecret: z.string().min(1).optional(),
          scopes: z.string().regex(/(^|\s)openid(\s|$)/, 'scopes must include openid').default('openid profile'),
          claims: z
            .object({
              citizenId: z.string().min(1).default('citizen_id'),
              name: z.string().min(1).default('name'),
              birthDate: z.string().min(1).default('birthdate'),
              phone: z.string().min(1).default('phone_number'),
            })
            .default({ citizenId: 'citizen_id', name: 'name', birthDate: 'birthdate', phone: 'phone_number' }),
        }),
      )
      .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'provider ids must be unique'),
  );

const splitPems = (v: string) => v.replace(/\\n/g, '\n').split(',').map((p) => p.trim()).filter(Boolean);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(3000, 1),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DIR: z.string().default(path.join(REPO_ROOT, '.data', 'pglite')),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/).default('bdhvs'),
  WORKER_IN_API: bool(false),
  JOB_LOCK_SECONDS: int(30, 1),
  SESSION_SECRET: z.string().min(32).optional(),
  DATA_ENCRYPTION_KEY: base64Key.optional(),
  CREDENTIAL_SIGNING_KEY: ed25519Pem.optional(),
  CREDENTIAL_RETIRED_PUBLIC_KEYS: ed25519PublicPems.optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  ISSUER_NAME: z.string().min(3).max(200).default('Nền tảng Bình dân học vụ số'),
  SESSION_TTL_HOURS: int(24 * 7, 1),
  SESSION_IDLE_HOURS: int(48, 1),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: bool(false),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/).default('100kb'),
  RATE_LIMIT_PER_MINUTE: int(600, 1),
  AUTH_RATE_LIMIT_PER_MINUTE: int(30, 1),
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: int(6000, 1),
  AUTH_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: int(600, 1),
  LOGIN_MAX_FAILURES: int(5, 1),
  LOGIN_LOCK_MINUTES: int(15, 1),
  LOGIN_IP_MAX_FAILURES: int(50, 1),
  LOGIN_ACCOUNT_MAX_FAILURES: int(20, 1),
  RESET_CODE_TTL_MINUTES: int(60 * 24, 5),
  REPORT_MIN_COUNT: int(5, 1),
  REPORTING_CACHE_SECONDS: int(60, 0),
  REPORT_MONTHLY_DUE_DAY: z.coerce.number().int().min(1).max(28).default(25),
  REPORT_QUARTERLY_DUE_DAY: z.coerce.number().int().min(1).max(28).default(20),
  REPORT_HALF_YEAR_DUE: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/, 'MM-DD').default('05-20'),
  REPORT_YEAR_DUE: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/, 'MM-DD').default('11-20'),
  REPORT_REVIEW_DAYS: int(5, 0),
  OIDC_PROVIDERS: oidcProviders.optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('Bình dân học vụ số <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FILE: z.string().min(1).optional(),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  MIGRATE_ON_BOOT: z.enum(['true', 'false']).optional(),
  API_DOCS: z.enum(['true', 'false']).optional(),
  WEB_DIST: z.string().default(path.join(REPO_ROOT, 'frontend', 'dist')),
  CONTENT_DIR: z.string().default(path.join(REPO_ROOT, 'content')),
  ASSISTANT_MODEL_URL: z.url({ protocol: /^https?$/ }).optional(),
  ASSISTANT_MODEL: z.string().min(1).max(200).optional(),
  ASSISTANT_MODEL_KEY: z.string().min(1).optional(),
  ASSISTANT_MODEL_TIMEOUT_MS: int(1500, 100),
  ASSISTANT_RETENTION_DAYS: int(180, 1),
  ASSISTANT_PER_PERSON_PER_HOUR: int(60, 1),
  ASSISTANT_PER_ADDRESS_PER_HOUR: int(1200, 1),
  ASSISTANT_MAX_QUESTION_CHARS: int(300, 20),
  ASSISTANT_SUGGESTIONS_TIMEOUT_MS: int(120_000, 1000),
  ASSISTANT_SUGGESTIONS_PER_HOUR: int(20, 1),
  ASSISTANT_EMBEDDINGS_URL: z.url({ protocol: /^https?$/ }).optional(),
  ASSISTANT_EMBEDDINGS_MODEL: z.string().min(1).max(200).optional(),
  ASSISTANT_EMBEDDINGS_KEY: z.string().min(1).optional(),
  ASSISTANT_EMBEDDINGS_TIMEOUT_MS: int(800, 50),
  ASSISTANT_EMBEDDINGS_MIN_SIMILARITY: z.coerce.number().min(0).max(1).default(0.8),
  STALLED_LEARNING_DAYS: int(7, 1),
  AMBASSADOR_REMINDERS_PER_DAY: int(20, 1),
  NOTIFICATION_RETENTION_DAYS: int(90, 1),
});

export type AppConfig = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /**
   * `poolSize`: connections per process. More connections than PostgreSQL has cores to serve them make
   * each write slower, not more writes at once (bench/README.md, "Connections").
   */
  database: { url: string; poolSize: number } | { pgliteDir: string };
  /** `jobLockSeconds`: how long a worker holds a job without a heartbeat before another takes it over. */
  redis: { url: string; prefix: string; jobLockSeconds: number } | null;
  workerInApi: boolean;
  sessionSecret: string;
  dataEncryptionKey: Buffer;
  /** Signs completion credentials; its public half is published at /.well-known/jwks.json. */
  credentialSigningKey: string;
  /** Public keys of earlier signing keys (PEM), kept in the key set after a rotation. */
  credentialRetiredKeys: string[];
  /** The address people reach the platform at: printed in QR codes and credentials. */
  publicUrl: string;
  issuerName: string;
  session: { ttlHours: number; idleHours: number; cookieSecure: boolean };
  trustProxy: boolean;
  bodyLimit: string;
  /** Per person (session, or address and login) and per address: see common/security/rate-limit-trackers.ts. */
  rateLimit: { perMinute: number; authPerMinute: number; perAddressPerMinute: number; authPerAddressPerMinute: number };
  /**
   * Sign-in brakes (`auth/login-throttle.ts`): `maxFailures` per login from one address,
   * `accountMaxFailures` per login from everywhere (a device that signed in before is exempt from
   * both), `ipMaxFailures` per address over every login; each for `lockMinutes`.
   */
  login: { maxFailures: number; accountMaxFailures: number; lockMinutes: number; ipMaxFailures: number };
  resetCodeTtlMinutes: number;
  /** Cohort figures below this count are shown as "< N": small cells could identify a person. */
  reportMinCount: number;
  /** How long a cohort dashboard answer is served again to the same scope and filters (0 = always fresh). */
  reportingCacheSeconds: number;
  /** Due dates of the periodic reports and the days between cut-off and due date. */
  reportCalendar: { monthlyDueDay: number; quarterlyDueDay: number; halfYearDue: string; yearDue: string; reviewDays: number };
  /** Identity providers people may sign in with (`modules/identity`); the first is labelled VNeID unless told otherwise. */
  identityProviders: IdentityProviderConfig[];
  mail: { smtpUrl: string; from: string } | null;
  logLevel: string;
  /** Where log lines go instead of standard output (appended). */
  logFile: string | null;
  seedDemo: boolean;
  /** Apply migrations and reference data when the API starts (off in production: the migrate job does it). */
  migrateOnBoot: boolean;
  /** Serve the OpenAPI page and JSON at /api/docs (off in production unless asked for). */
  apiDocs: boolean;
  webDist: string;
  contentDir: string;
  /**
   * The learning assistant. `model`: an OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp's server,
   * a hosted provider); null = answers are lesson passages and nothing leaves the machine.
   */
  assistant: {
    model: { baseUrl: string; name: string; apiKey: string | null; timeoutMs: number } | null;
    /**
     * An OpenAI-compatible embedding endpoint (`POST {baseUrl}/embeddings`): ranking becomes full text plus
     * vectors where the database has pgvector. `minSimilarity`: a passage found by its vector alone counts
     * as an answer only from this cosine similarity on. Null = full text alone.
     */
    embeddings: { baseUrl: string; name: string; apiKey: string | null; timeoutMs: number; minSimilarity: number } | null;
    retentionDays: number;
    perPersonPerHour: number;
    perAddressPerHour: number;
    maxQuestionChars: number;
    /**
     * "Gợi ý câu hỏi" in the studio: how long the model may take to draft a lesson's quiz items (a local
     * model on a CPU needs a minute or more), and how many drafts an author may ask for in an hour.
     */
    suggestions: { timeoutMs: number; perAuthorPerHour: number };
  };
  /**
   * Reminders (`modules/notifications`): an enrolled course with no progress for `stalledDays` days gets one
   * reminder per period of that length; an ambassador sends at most `ambassadorPerDay` reminders a day.
   * Read notifications older than `retentionDays` are purged daily, unread ones after a year.
   */
  reminders: { stalledDays: number; ambassadorPerDay: number; retentionDays: number };
};

export type IdentityProviderConfig = {
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  scopes: string;
  /** The claim names that carry the citizen identity number, the name, the birth date and the phone. */
  claims: { citizenId: string; name: string; birthDate: string; phone: string };
};

/** The label people see for a provider id (the id itself for a provider no longer configured). */
export const identityProviderLabel = (config: AppConfig, id: string | null): string | null =>
  id ? (config.identityProviders.find((p) => p.id === id)?.label ?? id) : null;

export class ConfigError extends Error {}

/**
 * Parses and checks the environment. A wrong variable throws a ConfigError naming it, so the
 * process stops at boot instead of failing later.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const secrets = resolveSecrets(
    { sessionSecret: e.SESSION_SECRET, dataEncryptionKey: e.DATA_ENCRYPTION_KEY, credentialSigningKey: e.CREDENTIAL_SIGNING_KEY },
    production,
    e.PGLITE_DIR,
  );
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, poolSize: e.DB_POOL_SIZE } : { pgliteDir: e.PGLITE_DIR },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.QUEUE_PREFIX, jobLockSeconds: e.JOB_LOCK_SECONDS } : null,
    workerInApi: e.WORKER_IN_API,
    sessionSecret: secrets.sessionSecret,
    dataEncryptionKey: Buffer.from(secrets.dataEncryptionKey, 'base64'),
    credentialSigningKey: secrets.credentialSigningKey.replace(/\\n/g, '\n'),
    credentialRetiredKeys: splitPems(e.CREDENTIAL_RETIRED_PUBLIC_KEYS ?? ''),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    issuerName: e.ISSUER_NAME,
    session: {
      ttlHours: e.SESSION_TTL_HOURS,
      idleHours: e.SESSION_IDLE_HOURS,
      cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : production,
    },
    trustProxy: e.TRUST_PROXY,
    bodyLimit: e.BODY_LIMIT,
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      authPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
      perAddressPerMinute: e.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
      authPerAddressPerMinute: e.AUTH_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      accountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
    },
    resetCodeTtlMinutes: e.RESET_CODE_TTL_MINUTES,
    reportMinCount: e.REPORT_MIN_COUNT,
    reportingCacheSeconds: e.REPORTING_CACHE_SECONDS,
    reportCalendar: {
      monthlyDueDay: e.REPORT_MONTHLY_DUE_DAY,
      quarterlyDueDay: e.REPORT_QUARTERLY_DUE_DAY,
      halfYearDue: e.REPORT_HALF_YEAR_DUE,
      yearDue: e.REPORT_YEAR_DUE,
      reviewDays: e.REPORT_REVIEW_DAYS,
    },
    identityProviders: (e.OIDC_PROVIDERS ?? []).map((p, i) => ({
      id: p.id, label: p.label ?? (i === 0 ? 'VNeID' : p.id), issuer: p.issuer, clientId: p.clientId,
      clientSecret: p.clientSecret ?? null, scopes: p.scopes, claims: p.claims,
    })),
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    reminders: { stalledDays: e.STALLED_LEARNING_DAYS, ambassadorPerDay: e.AMBASSADOR_REMINDERS_PER_DAY, retentionDays: e.NOTIFICATION_RETENTION_DAYS },
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE ?? null,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : !production,
    migrateOnBoot: e.MIGRATE_ON_BOOT ? e.MIGRATE_ON_BOOT === 'true' : !production,
    apiDocs: e.API_DOCS ? e.API_DOCS === 'true' : !production,
    webDist: e.WEB_DIST,
    contentDir: e.CONTENT_DIR,
    assistant: {
      model: assistantModel(e),
      embeddings: assistantEmbeddings(e),
      retentionDays: e.ASSISTANT_RETENTION_DAYS,
      perPersonPerHour: e.ASSISTANT_PER_PERSON_PER_HOUR,
      perAddressPerHour: e.ASSISTANT_PER_ADDRESS_PER_HOUR,
      maxQuestionChars: e.ASSISTANT_MAX_QUESTION_CHARS,
      suggestions: { timeoutMs: e.ASSISTANT_SUGGESTIONS_TIMEOUT_MS, perAuthorPerHour: e.ASSISTANT_SUGGESTIONS_PER_HOUR },
    },
  };
}

/** A model needs both its address and its name; one without the other is a mistake worth stopping for. */
function assistantModel(e: z.infer<typeof schema>): AppConfig['assistant']['model'] {
  if (!e.ASSISTANT_MODEL_URL && !e.ASSISTANT_MODEL) return null;
  if (!e.ASSISTANT_MODEL_URL || !e.ASSISTANT_MODEL) {
    throw new ConfigError(`Invalid configuration:\n  ${e.ASSISTANT_MODEL_URL ? 'ASSISTANT_MODEL' : 'ASSISTANT_MODEL_URL'}: required with ${e.ASSISTANT_MODEL_URL ? 'ASSISTANT_MODEL_URL' : 'ASSISTANT_MODEL'}`);
  }
  return { baseUrl: e.ASSISTANT_MODEL_URL.replace(/\/$/, ''), name: e.ASSISTANT_MODEL, apiKey: e.ASSISTANT_MODEL_KEY ?? null, timeoutMs: e.ASSISTANT_MODEL_TIMEOUT_MS };
}

/** The same rule for the embedding endpoint: its address and its model go together. */
function assistantEmbeddings(e: z.infer<typeof schema>): AppConfig['assistant']['embeddings'] {
  if (!e.ASSISTANT_EMBEDDINGS_URL && !e.ASSISTANT_EMBEDDINGS_MODEL) return null;
  if (!e.ASSISTANT_EMBEDDINGS_URL || !e.ASSISTANT_EMBEDDINGS_MODEL) {
    const [missing, given] = e.ASSISTANT_EMBEDDINGS_URL ? ['ASSISTANT_EMBEDDINGS_MODEL', 'ASSISTANT_EMBEDDINGS_URL'] : ['ASSISTANT_EMBEDDINGS_URL', 'ASSISTANT_EMBEDDINGS_MODEL'];
    throw new ConfigError(`Invalid configuration:\n  ${missing}: required with ${given}`);
  }
  return {
    baseUrl: e.ASSISTANT_EMBEDDINGS_URL.replace(/\/$/, ''),
    name: e.ASSISTANT_EMBEDDINGS_MODEL,
    apiKey: e.ASSISTANT_EMBEDDINGS_KEY ?? null,
    timeoutMs: e.ASSISTANT_EMBEDDINGS_TIMEOUT_MS,
    minSimilarity: e.ASSISTANT_EMBEDDINGS_MIN_SIMILARITY,
  };
}

type Secrets = { sessionSecret: string; dataEncryptionKey: string; credentialSigningKey: string };
const SECRET_VARIABLES: Record<keyof Secrets, string> = {
  sessionSecret: 'SESSION_SECRET',
  dataEncryptionKey: 'DATA_ENCRYPTION_KEY',
  credentialSigningKey: 'CREDENTIAL_SIGNING_KEY',
};
const generators: Record<keyof Secrets, () => string> = {
  sessionSecret: () => randomBytes(32).toString('base64url'),
  dataEncryptionKey: () => randomBytes(32).toString('base64'),
  credentialSigningKey: () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

/**
 * Production must be given its secrets. Elsewhere, missing secrets are generated once and kept
 * beside the embedded database so that a restart can still read the data it encrypted and verify
 * the credentials it signed.
 */
function resolveSecrets(given: Partial<Secrets>, production: boolean, pgliteDir: string): Secrets {
  const names = Object.keys(SECRET_VARIABLES) as (keyof Secrets)[];
  const missing = names.filter((n) => !given[n]);
  if (missing.length === 0) return given as Secrets;
  if (production) {
    throw new ConfigError(`Invalid configuration:\n  ${missing.map((n) => SECRET_VARIABLES[n]).join(', ')}: required in production`);
  }
  const file = path.join(path.dirname(pgliteDir), 'dev-secrets.json');
  const stored = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Partial<Secrets>;
  const absent = names.filter((n) => !stored[n]);
  for (const n of absent) stored[n] = generators[n]();
  if (absent.length) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  }
  return Object.fromEntries(names.map((n) => [n, given[n] ?? stored[n]])) as Secrets;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
