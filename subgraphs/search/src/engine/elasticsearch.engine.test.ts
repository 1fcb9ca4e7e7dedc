import { readProcessEnv } from '@grove/platform';
import { ElasticsearchEngine } from './elasticsearch.engine';
import { describeSearchEngineContract } from './search-engine.contract';

const url = readProcessEnv().ELASTICSEARCH_URL;
let seq = 0;
const run = `${process.pid}-${Date.now().toString(36)}`;

if (url) {
  // Each engine of the suite gets an index of its own, deleted when the engine closes.
  describeSearchEngineContract('Elasticsearch', async () => {
    const index = `grove-test-${run}-${++seq}`;
    const engine = await ElasticsearchEngine.open({ node: url, index, refresh: 'wait_for' });
    const close = engine.close.bind(engine);
    engine.close = async () => {
      await engine.drop();
      await close();
    };
    return engine;
  });
} else {
  console.warn(
    'search engine contract: the Elasticsearch driver is SKIPPED because ELASTICSEARCH_URL is not set (no Elasticsearch server runs on this machine)',
  );
  describe.skip('search engine contract [Elasticsearch] (skipped: ELASTICSEARCH_URL is not set)', () => {
    it('runs the contract against Elasticsearch', () => undefined);
  });
}

describe('ElasticsearchEngine without a reachable server', () => {
  it('fails to open instead of answering "nothing found"', async () => {
    // Port 9 (discard) on loopback: nothing listens.
    await expect(
      ElasticsearchEngine.open({
        node: 'http://127.0.0.1:9',
        index: 'grove-unreachable',
        requestTimeoutMs: 500,
        analysis: 'grove',
      }),
    ).rejects.toThrow();
  });
});
