import { E2E_START_TIMEOUT_MS, e2eModes, startE2EPlatform, type E2EPlatform } from './platform-harness';
import { runMiniProgramStory, STORY_ENV } from './mini-program-story.scenario';

/**
 * The mini-program story (mini-program-story.scenario.ts) through the router over HTTP, in each mode: upload,
 * review, publish, a 20% gray release to 1000 simulated devices, completion, delisting.
 */
describe.each(e2eModes())('mini-program story through the router (%s)', (mode) => {
  let e2e: E2EPlatform;
  beforeAll(async () => {
    e2e = await startE2EPlatform({ mode, env: STORY_ENV });
  }, E2E_START_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.stop();
  }, E2E_START_TIMEOUT_MS);

  it('runs from upload to gray release, completion and delisting', async () => {
    await runMiniProgramStory(e2e);
  }, 180_000);
});
