import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** `cli`: command-line tools (import, demo): no HTTP, no jobs; their queued work is left to the server. */
export type Role = 'all' | 'api' | 'worker' | 'cli';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * The one validated configuration object. Built once at boot by `loadConfig()`;
 * nothing else in the code base reads `process.env`.
 */
export class AppConfig {
  /** `sqlite:./data/hearken.sqlite` (default) or `mysql://user:pass@host:port/db` (MySQL or MariaDB). */
  @Matches(/^(sqlite:.+|(mysql|mariadb):\/\/.+)$/, {
    message: 'must be sqlite:<path> or mysql://user:pass@host:port/db',
  })
  databaseUrl: string = 'sqlite:./data/hearken.sqlite';

  /** Unset: in-process job queue. Set: Bull on this Redis. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be redis://host:port[/db]' })
  redisUrl?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  @Max(65535)
  port: number = 3000;

  @IsString()
  host: string = '0.0.0.0';

  @IsIn(['all', 'api', 'worker', 'cli'], { message: 'must be one of all, api, worker (or cli for tools)' })
  role: Role = 'all';

  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'must be at least 24 characters' })
  adminApiKey?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  logLevel: LogLevel = 'info';

  /** Keyed-hash secret for customer identities; defaults to a per-install value stored beside the SQLite file. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  identitySecret?: string;

  /** Country of phone numbers written without a country code (ISO 3166-1 alpha-2 such as `GB`, or a calling code such as `44`). */
  @IsOptional()
  @Matches(/^([A-Za-z]{2}|\d{1,3})$/, {
    message: 'must be a two-letter country code (GB) or a calling code (44)',
  })
  defaultPhoneCountry?: string;

  /** Requests per minute allowed per API key. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  rateLimitPerMinute: number = 6000;

  /** Failed authentications (a wrong, revoked or expired key) allowed per minute per client address. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  authFailuresPerMinute: number = 30;

  /**
   * HTTP: the longest a client may take to send a whole request (headers and body); a body that stops
   * short of its Content-Length is answered 408 and its connection closed after this.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(100)
  @Max(600_000)
  requestTimeoutMs: number = 15_000;

  /**
   * Database: the longest any one wait may take (connecting, and each query on MySQL); past it the request
   * answers 503 with Retry-After instead of hanging. Migrations run without it.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(100)
  @Max(600_000)
  databaseTimeoutMs: number = 10_000;

  /** Workers: jobs run at once per process. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(256)
  workerConcurrency: number = 4;

  /** Prefix of every Redis key the queue writes (lets several installs or test runs share one Redis). */
  @Matches(/^[a-zA-Z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, _ or -' })
  queuePrefix: string = 'hearken';

  /** Unset: every email is written as an `.eml` file into `mailOutboxDir` (the embedded default). */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be smtp://[user:pass@]host:port or smtps://…' })
  smtpUrl?: string;

  /** Sender of the digest emails: an address, optionally with a display name (`Hearken <cx@example.com>`). */
  @Matches(/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'must be an email address, optionally as Name <address>',
  })
  mailFrom: string = 'Hearken <digest@hearken.localhost>';

  /** Where emails go when no SMTP_URL is set, one `.eml` file each. */
  @IsString()
  @MinLength(1)
  mailOutboxDir: string = './data/outbox';

  /** The address readers reach this server at: one-click unsubscribe links point here. */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'must be an http(s) URL such as https://cx.example.com',
  })
  publicUrl: string = 'http://localhost:3000';

  /** How often the digest scheduler looks for subscribers whose send time has come (cron, 5 or 6 fields). */
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'must be a cron expression of 5 or 6 fields' })
  digestCheckCron: string = '*/15 * * * *';

  /**
   * Load and run the email renderer (MJML, ECharts, resvg and its fonts) once at boot, so the first digest after
   * a start costs what the others do: the libraries take seconds to load, which the first reader would wait for.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  digestWarmup: boolean = true;

  /**
   * After items of a past day are analysed (an import, the demo, late senders), that day is scanned for anomalies
   * again this long after (one scan per day however many batches); 0 turns these rescans off.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer' })
  @Min(0)
  @Max(86_400_000)
  anomalyRescanDelayMs: number = 30_000;

  get databaseType(): 'sqlite' | 'mysql' {
    return this.databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'mysql';
  }

  get queueDriver(): 'memory' | 'bull' {
    return this.redisUrl ? 'bull' : 'memory';
  }

  /** Does this process serve HTTP / run jobs? */
  get servesHttp(): boolean {
    return this.role === 'all' || this.role === 'api';
  }

  get runsJobs(): boolean {
    return this.role === 'all' || this.role === 'worker';
  }
}

/** Environment variable → config property. The README's configuration table follows this list. */
export const ENV_KEYS: Record<string, keyof AppConfig> = {
  DATABASE_URL: 'databaseUrl',
  REDIS_URL: 'redisUrl',
  PORT: 'port',
  HOST: 'host',
  ROLE: 'role',
  ADMIN_API_KEY: 'adminApiKey',
  LOG_LEVEL: 'logLevel',
  IDENTITY_SECRET: 'identitySecret',
  RATE_LIMIT_PER_MINUTE: 'rateLimitPerMinute',
  AUTH_FAILURES_PER_MINUTE: 'authFailuresPerMinute',
  REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  DATABASE_TIMEOUT_MS: 'databaseTimeoutMs',
  WORKER_CONCURRENCY: 'workerConcurrency',
  QUEUE_PREFIX: 'queuePrefix',
  DEFAULT_PHONE_COUNTRY: 'defaultPhoneCountry',
  SMTP_URL: 'smtpUrl',
  MAIL_FROM: 'mailFrom',
  MAIL_OUTBOX_DIR: 'mailOutboxDir',
  PUBLIC_URL: 'publicUrl',
  DIGEST_CHECK_CRON: 'digestCheckCron',
  DIGEST_WARMUP: 'digestWarmup',
  ANOMALY_RESCAN_DELAY_MS: 'anomalyRescanDelayMs',
};
