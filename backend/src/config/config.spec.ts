import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './config';

const base = {
  NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(32), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
  CREDENTIAL_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

describe('loadConfig', () => {
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ...base, DATA_ENCRYPTION_KEY: 'short' })).toThrow(/DATA_ENCRYPTION_KEY: must be 32 bytes/);
    expect(() => loadConfig({ ...base, DB_POOL_SIZE: '0' })).toThrow(/DB_POOL_SIZE/);
  });

  it('requires the secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET, DATA_ENCRYPTION_KEY, CREDENTIAL_SIGNING_KEY: required in production/);
  });

  it('uses the embedded database and in-process jobs when no URLs are set', () => {
    const config = loadConfig(base);
    expect('pgliteDir' in config.database).toBe(true);
    expect(config.redis).toBeNull();
    const real = loadConfig({ ...base, DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' });
    expect(real.database).toEqual({ url: 'postgres://u@h/db', poolSize: 10 });
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://u@h/db', DB_POOL_SIZE: '60' }).database).toEqual({ url: 'postgres://u@h/db', poolSize: 60 });
    expect(real.redis).toEqual({ url: 'redis://h:6379', prefix: 'bdhvs', jobLockSeconds: 30 });
  });

  it('takes the assistant’s model only with both its address and its name', () => {
    const base = { NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') } as const;
    expect(loadConfig(base).assistant.model).toBeNull();
    expect(loadConfig({ ...base, ASSISTANT_MODEL_URL: 'http://127.0.0.1:11434/v1/', ASSISTANT_MODEL: 'qwen2.5' }).assistant.model).toEqual({ baseUrl: 'http://127.0.0.1:11434/v1', name: 'qwen2.5', apiKey: null, timeoutMs: 1500 });
    expect(() => loadConfig({ ...base, ASSISTANT_MODEL_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/ASSISTANT_MODEL: required/);
    expect(() => loadConfig({ ...base, ASSISTANT_MODEL_URL: 'ftp://x' })).toThrow(/ASSISTANT_MODEL_URL/);
    expect(loadConfig(base).assistant.embeddings).toBeNull();
    expect(loadConfig({ ...base, ASSISTANT_EMBEDDINGS_URL: 'http://127.0.0.1:11434/v1/', ASSISTANT_EMBEDDINGS_MODEL: 'bge-m3' }).assistant.embeddings).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1', name: 'bge-m3', apiKey: null, timeoutMs: 800, minSimilarity: 0.8,
    });
    expect(() => loadConfig({ ...base, ASSISTANT_EMBEDDINGS_MODEL: 'bge-m3' })).toThrow(/ASSISTANT_EMBEDDINGS_URL: required/);
    expect(() => loadConfig({ ...base, ASSISTANT_EMBEDDINGS_URL: 'http://x/v1', ASSISTANT_EMBEDDINGS_MODEL: 'm', ASSISTANT_EMBEDDINGS_MIN_SIMILARITY: '2' })).toThrow(/ASSISTANT_EMBEDDINGS_MIN_SIMILARITY/);
  });
});
