import { MiniSearchEngine } from './minisearch.engine';
import { describeSearchEngineContract } from './search-engine.contract';

describeSearchEngineContract('embedded MiniSearch', async () => new MiniSearchEngine());
