import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('runs embedded with no environment at all', () => {
    const config = loadConfig({});
    expect(config.databaseType).toBe('sqlite');
    expect(config.databaseUrl).toBe('sqlite:./data/hearken.sqlite');
    expect(config.queueDriver).toBe('memory');
    expect(config.port).toBe(3000);
    expect(config.role).toBe('all');
    expect(config.runsJobs && config.servesHttp).toBe(true);
  });

  it('reads MySQL, Redis, port and role from the environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://u:p@db:3306/hearken',
      IDENTITY_SECRET: 'a-long-enough-identity-secret',
      REDIS_URL: 'redis://cache:6379',
      PORT: '8080',
      ROLE: 'worker',
    });
    expect(config.databaseType).toBe('mysql');
    expect(config.queueDriver).toBe('bull');
    expect(config.port).toBe(8080);
    expect(config.servesHttp).toBe(false);
    expect(config.runsJobs).toBe(true);
  });

  it('lists every bad variable with its reason in one error', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'postgres://x', PORT: 'eighty', LOG_LEVEL: 'loud', ADMIN_API_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/DATABASE_URL=\(hidden\): must be sqlite:<path> or mysql:/);
    expect(problems).toMatch(/PORT="eighty": must be an integer/);
    expect(problems).toMatch(/LOG_LEVEL="loud": must be one of/);
    expect(problems).toMatch(/ADMIN_API_KEY=\(hidden\): must be at least 24 characters/);
  });

  it.each(['api', 'worker'])('refuses ROLE=%s without REDIS_URL', (role) => {
    expect(() => loadConfig({ ROLE: role })).toThrow(/needs REDIS_URL/);
  });

  it('requires IDENTITY_SECRET on MySQL, where processes must agree on it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@db:3306/h' })).toThrow(
      /IDENTITY_SECRET is required with MySQL/,
    );
  });

  it('points links at the port it listens on unless PUBLIC_URL is set', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3999' }).publicUrl).toBe('http://localhost:3999');
    expect(loadConfig({ PORT: '3999', PUBLIC_URL: 'https://cx.example.com' }).publicUrl).toBe(
      'https://cx.example.com',
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ REDIS_URL: '', PORT: '' }).queueDriver).toBe('memory');
  });

  it('reads the mail settings and refuses bad ones, hiding the SMTP URL (it may hold a password)', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://u:p@mail:587', MAIL_FROM: 'CX <cx@example.com>' });
    expect(config.smtpUrl).toBe('smtp://u:p@mail:587');
    expect(config.mailFrom).toBe('CX <cx@example.com>');
    expect(loadConfig({}).mailOutboxDir).toBe('./data/outbox');
    let problems = '';
    try {
      loadConfig({
        SMTP_URL: 'http://u:secret@x',
        MAIL_FROM: 'nobody',
        PUBLIC_URL: 'x',
        DIGEST_CHECK_CRON: '99 * * * *',
      });
    } catch (e) {
      problems = (e as ConfigError).problems.join('\n');
    }
    expect(problems).toMatch(/SMTP_URL=\(hidden\): must be smtp:/);
    expect(problems).not.toMatch(/secret/);
    expect(problems).toMatch(/MAIL_FROM="nobody": must be an email address/);
    expect(problems).toMatch(/PUBLIC_URL=\(hidden\): must be an http\(s\) URL/);
    expect(problems).toMatch(/DIGEST_CHECK_CRON="99 \* \* \* \*"/);
  });

  it('warms the digest renderer unless DIGEST_WARMUP is false, and refuses anything but a boolean', () => {
    expect(loadConfig({}).digestWarmup).toBe(true);
    expect(loadConfig({ DIGEST_WARMUP: 'false' }).digestWarmup).toBe(false);
    expect(loadConfig({ DIGEST_WARMUP: '1' }).digestWarmup).toBe(true);
    expect(() => loadConfig({ DIGEST_WARMUP: 'sometimes' })).toThrow(
      'DIGEST_WARMUP="sometimes": must be true or false',
    );
  });
});
