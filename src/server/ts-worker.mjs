// A worker module of the TypeScript sources, for a pool run from them (tests, `npm run jixiao`): worker
// threads do not inherit the main thread's loader, so the module named in `?module=` is loaded through
// tsx here and its default export is the worker's. The compiled dist/ needs none of this.
import { tsImport } from 'tsx/esm/api';

const target = new URL(import.meta.url).searchParams.get('module');
const loaded = await tsImport(target, import.meta.url);
export default loaded.default;
