import { EmbeddedSearchEngine } from './embedded.engine';
import { describeSearchEngineContract } from './search-engine.contract';

describeSearchEngineContract('embedded inverted index', async () => new EmbeddedSearchEngine());
