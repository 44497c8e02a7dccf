// A transaction that lost a race fails with StoreConflict (on CloudBase, at commit). Run again, it reads
// what the winner wrote: the version checks and idempotency keys inside it then decide, so a stale caller
// still gets CONFLICT, a doubled create returns the first, and nothing is written twice.
import { StoreConflict } from './ports';

const ATTEMPTS = 60;

/** A random pause that grows with each lost race, so racers spread out instead of colliding again. */
function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * attempt)));
}

export async function retryingRaces<R>(work: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StoreConflict) || attempt >= ATTEMPTS) throw error;
      await backoff(attempt);
    }
  }
}
