import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config/config-loader';
import {
  checkObjectStoreConfig,
  objectStoreEnvShape,
  objectStoreOptionsFromConfig,
} from './object-store.config';

const schema = z
  .object({ ...objectStoreEnvShape, NODE_ENV: z.string().default('development'), DATA_DIR: z.string() })
  .superRefine(checkObjectStoreConfig);

describe('object store configuration', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'grove-objcfg-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('defaults to the fs driver under DATA_DIR with a persisted generated secret', () => {
    const first = objectStoreOptionsFromConfig(loadConfig(schema, { DATA_DIR: dataDir }));
    const second = objectStoreOptionsFromConfig(loadConfig(schema, { DATA_DIR: dataDir }));
    expect(first).toMatchObject({
      driver: 'fs',
      rootDir: join(dataDir, 'objects'),
      publicBaseUrl: 'http://localhost:4000',
    });
    expect(first.driver === 'fs' && first.urlSigningSecret.length).toBeGreaterThanOrEqual(32);
    expect(second).toEqual(first);
  });

  it('requires a link secret for fs in production and credentials for s3', () => {
    expect(() => loadConfig(schema, { DATA_DIR: dataDir, NODE_ENV: 'production' })).toThrow(
      /OBJECT_URL_SECRET/,
    );
    let problems: string[] = [];
    try {
      loadConfig(schema, { DATA_DIR: dataDir, OBJECT_STORE_DRIVER: 's3' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'S3_ENDPOINT: required when OBJECT_STORE_DRIVER=s3',
      'S3_ACCESS_KEY: required when OBJECT_STORE_DRIVER=s3',
      'S3_SECRET_KEY: required when OBJECT_STORE_DRIVER=s3',
    ]);
    expect(() => loadConfig(schema, { DATA_DIR: dataDir, S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET/);
  });

  it('accepts an S3 endpoint given as a URL or as host plus port', () => {
    const base = { DATA_DIR: dataDir, OBJECT_STORE_DRIVER: 's3', S3_ACCESS_KEY: 'ak', S3_SECRET_KEY: 'sk' };
    expect(
      objectStoreOptionsFromConfig(loadConfig(schema, { ...base, S3_ENDPOINT: 'http://minio.local:9000' })),
    ).toEqual({
      driver: 's3',
      endPoint: 'minio.local',
      port: 9000,
      useSSL: false,
      accessKey: 'ak',
      secretKey: 'sk',
      bucket: 'grove-objects',
      region: 'us-east-1',
    });
    expect(
      objectStoreOptionsFromConfig(
        loadConfig(schema, { ...base, S3_ENDPOINT: 's3.example.com', S3_PORT: '8443', S3_BUCKET: 'pkgs' }),
      ),
    ).toMatchObject({ endPoint: 's3.example.com', port: 8443, useSSL: true, bucket: 'pkgs' });
  });
});
