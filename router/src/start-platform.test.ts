import { z } from 'zod';
import {
  loadConfig,
  objectStoreEnvShape,
  objectStoreOptionsFromConfig,
  platformEnvShape,
} from '@grove/platform';
import { withPublicObjectUrl } from './start-platform';

const schema = z.object({ ...platformEnvShape, ...objectStoreEnvShape });
const publicBaseUrl = (env: Record<string, string>, port: number) => {
  const options = objectStoreOptionsFromConfig(
    loadConfig(
      schema,
      withPublicObjectUrl(
        { DATA_DIR: '/tmp/grove-public-url', OBJECT_URL_SECRET: 'x'.repeat(40), ...env },
        port,
      ),
    ),
  );
  return options.driver === 'fs' ? options.publicBaseUrl : undefined;
};

/** Issue 7 item 17: fs download links follow the router's PORT unless OBJECT_STORE_PUBLIC_URL is set. */
describe('the public object URL', () => {
  it('follows PORT', () => {
    expect(publicBaseUrl({}, 5123)).toBe('http://localhost:5123');
  });

  it('is OBJECT_STORE_PUBLIC_URL when set', () => {
    expect(publicBaseUrl({ OBJECT_STORE_PUBLIC_URL: 'https://cdn.example.com' }, 5123)).toBe(
      'https://cdn.example.com',
    );
  });

  it('falls back to port 4000 for an ephemeral port (tests) and for services without a router', () => {
    expect(publicBaseUrl({}, 0)).toBe('http://localhost:4000');
  });
});
