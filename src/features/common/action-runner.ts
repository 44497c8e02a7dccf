// What happens to a tap that starts a remote call, without React: busy while it runs, its refusal kept as a
// message, a second tap ignored while the first runs, and the failed call tried again on request.
export interface ActionSink {
  busy: (busy: boolean) => void;
  error: (message: string | null) => void;
}

export interface ActionRunner {
  /** The call's answer, or null when it failed (its message went to the sink) or another was running. */
  run: <T>(request: () => Promise<T>) => Promise<T | null>;
  /** As run, but a refusal (or a second tap) also rejects: for a dialog that stays open when the server refuses. */
  attempt: <T>(request: () => Promise<T>) => Promise<T>;
  /** Sends the last failed call again; null when nothing failed since the last success. */
  retry: () => Promise<unknown>;
}

export function actionRunner(
  sink: ActionSink,
  describe: (failure: unknown) => string,
  onFailure?: (message: string) => void,
): ActionRunner {
  // State updates arrive a render late, so the guard is this flag, not the busy state.
  let running = false;
  let failed: (() => Promise<unknown>) | null = null;

  async function perform<T>(request: () => Promise<T>, rejects: boolean): Promise<T | null> {
    if (running) {
      if (rejects) throw new Error('already running');
      return null;
    }
    running = true;
    sink.busy(true);
    sink.error(null);
    try {
      const answer = await request();
      failed = null;
      return answer;
    } catch (failure) {
      failed = request;
      const message = describe(failure);
      sink.error(message);
      onFailure?.(message);
      if (rejects) throw failure;
      return null;
    } finally {
      running = false;
      sink.busy(false);
    }
  }

  const run = <T>(request: () => Promise<T>) => perform(request, false);
  const attempt = <T>(request: () => Promise<T>) => perform(request, true) as Promise<T>;
  return { run, attempt, retry: () => (failed ? run(failed) : Promise.resolve(null)) };
}
