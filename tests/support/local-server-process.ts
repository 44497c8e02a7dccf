// The built local server (.build/local-server.cjs) as a child process, for the browser tests and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Starts the built local server with these environment settings on top of this process's, and resolves once it
 * prints its address; a server that exits first, or does not start within startupMs (then it is stopped), rejects
 * with what it printed.
 */
export function spawnLocalServer(root: string, env: Record<string, string>, startupMs: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, '.build/local-server.cjs')], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`local server did not start:\n${output}`));
    }, startupMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!started && output.includes('local server: http://')) {
        started = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`local server exited with ${code}:\n${output}`));
    });
  });
}
