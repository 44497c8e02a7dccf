import type { Clock } from '../ports';

export const systemClock: Clock = { now: () => new Date() };

export interface AdjustableClock extends Clock {
  /** Jumps to an instant and runs on in real time from there (the demo's and the browser tests' time travel). */
  jumpTo(iso: string): void;
}

/** A clock that starts at a chosen instant and then runs in real time (the local demo lives in 2023). */
export function shiftedClock(startIso: string, realStart: Date = new Date()): AdjustableClock {
  const offsetTo = (iso: string, from: number) => {
    const offset = new Date(iso).getTime() - from;
    if (Number.isNaN(offset)) throw new RangeError(`not a time: ${iso}`);
    return offset;
  };
  let offset = offsetTo(startIso, realStart.getTime());
  return {
    now: () => new Date(Date.now() + offset),
    jumpTo: (iso) => {
      offset = offsetTo(iso, Date.now());
    },
  };
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
