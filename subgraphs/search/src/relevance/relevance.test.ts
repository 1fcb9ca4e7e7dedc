import { EmbeddedSearchEngine } from '../engine/embedded.engine';
import { relevanceCatalogue } from './relevance-catalogue.fixture';
import { RELEVANCE_CASES } from './relevance-queries.fixture';

/** The relevance test set (issue 10 item 6): each query's expected mini-programs are all in its first three hits. */
describe('relevance of the embedded engine', () => {
  const engine = new EmbeddedSearchEngine();
  const catalogue = relevanceCatalogue();

  beforeAll(async () => {
    await engine.upsert(catalogue);
  });

  it('indexes a catalogue of at least 300 mini-programs and runs at least 60 queries', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(300);
    expect(new Set(catalogue.map((d) => d.name)).size).toBe(catalogue.length);
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(60);
    const names = new Set(catalogue.map((d) => d.name));
    expect(RELEVANCE_CASES.flatMap(([, expected]) => expected).filter((name) => !names.has(name))).toEqual(
      [],
    );
  });

  it('puts the expected mini-programs in the top 3 of every query', async () => {
    const misses: string[] = [];
    for (const [query, expected] of RELEVANCE_CASES) {
      const top3 = (await engine.search({ text: query, filter: {}, offset: 0, limit: 3 })).hits.map(
        (h) => h.document.name,
      );
      const missing = expected.filter((name) => !top3.includes(name));
      if (missing.length > 0) misses.push(`${query} → [${top3.join(', ')}], missing ${missing.join(', ')}`);
    }
    // Every miss at once, so a ranking change shows its whole effect.
    expect(misses).toEqual([]);
  });
});
