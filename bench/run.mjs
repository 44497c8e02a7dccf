// `npm run bench`: bundles bench/scale.ts with the api's own modules (as bench/evidence-pack.mjs does) and runs it.
// See bench/scale.ts for what it measures; BENCH_ONLY=reads,cloudbase,batch,memory,api,weapp,h5,photo picks parts
// (the data sets are built or taken from the cache in any case).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bundleForNode, root } from './processes.mjs';

// Next to the local server's bundle, so its external packages resolve from the project's node_modules.
const bundle = path.join(root, '.build', 'bench-scale.cjs');

await bundleForNode({ entryPoints: [path.join(root, 'bench', 'scale.ts')] }, bundle);
// The 100× data set is built in memory: room for it beyond Node's default heap.
const run = spawnSync(process.execPath, ['--max-old-space-size=6144', '--expose-gc', bundle], { cwd: root, stdio: 'inherit' });
process.exitCode = run.status ?? 1;
