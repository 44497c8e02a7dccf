import type { Clock } from '../ports';

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at a chosen instant and then runs in real time (the local demo lives in 2023). */
export function shiftedClock(startIso: string, realStart: Date = new Date()): Clock {
  const offset = new Date(startIso).getTime() - realStart.getTime();
  if (Number.isNaN(offset)) throw new RangeError(`not a time: ${startIso}`);
  return { now: () => new Date(Date.now() + offset) };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(iso: string) {
    this.current = new Date(iso);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}
