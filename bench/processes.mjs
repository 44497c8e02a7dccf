// Child processes for the benchmarks: the built local server (or any node script) on a free port.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Starts a child process and resolves with the http address it prints (the first `http://127.0.0.1:<port>`). */
export function startProcess(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match && match[1] !== '0') {
        child.stdout.off('data', onData);
        resolve({ child, base: `http://127.0.0.1:${match[1]}` });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`process exited (${code}) before listening:\n${output}`)));
  });
}

export function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Bundles our TypeScript for Node as the functions are bundled (the @/ alias resolved by the project's tsconfig),
 * packages left to node_modules: `entry` is the bundle's entry (entryPoints or stdin), outfile where it goes.
 */
export function bundleForNode(entry, outfile) {
  return build({
    ...entry,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    outfile,
    logLevel: 'warning',
  });
}
