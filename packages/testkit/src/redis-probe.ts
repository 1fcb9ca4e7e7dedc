// The Redis probe lives next to platform's own Redis contract suites (which cannot import the testkit: it depends on
// the platform); other packages take it from here. The one deep import eslint.config.mjs allows, for this reason.
export {
  deleteRedisKeys,
  probeRedis,
  redisServerAvailable,
  startTestRedisServer,
  testRedisUrl,
  type TestRedisServer,
} from '@grove/platform/src/cache/redis-probe.test-support';
