// What happens to a tap that starts a remote call, without React: busy while it runs, its refusal kept as a
// message, a second tap ignored while the first runs, and the failed call tried again on request.
export interface ActionSink {
  /** Busy or not; while busy, the label of the call that runs (which of a screen's buttons spins), if given. */
  busy: (busy: boolean, label?: string) => void;
  error: (message: string | null) => void;
}

export interface ActionRunner {
  /** The call's answer, or null when it failed (its message went to the sink) or another was running. */
  run: <T>(request: () => Promise<T>, label?: string) => Promise<T | null>;
  /** As run, but a refusal (or a second tap) also rejects: for a dialog that stays open when the server refuses. */
  attempt: <T>(request: () => Promise<T>, label?: string) => Promise<T>;
  /** Sends the last failed call again; null when nothing failed since the last success. */
  retry: () => Promise<unknown>;
}

export function actionRunner(
  sink: ActionSink,
  describe: (failure: unknown) => string,
  onFailure?: (message: string, failure: unknown) => void,
): ActionRunner {
  // State updates arrive a render late, so the guard is this flag, not the busy state.
  let running = false;
  let failed: { request: () => Promise<unknown>; label?: string } | null = null;

  async function perform<T>(request: () => Promise<T>, rejects: boolean, label?: string): Promise<T | null> {
    if (running) {
      if (rejects) throw new Error('already running');
      return null;
    }
    running = true;
    sink.busy(true, label);
    sink.error(null);
    try {
      const answer = await request();
      failed = null;
      return answer;
    } catch (failure) {
      failed = { request, label };
      const message = describe(failure);
      sink.error(message);
      onFailure?.(message, failure);
      if (rejects) throw failure;
      return null;
    } finally {
      running = false;
      sink.busy(false);
    }
  }

  const run = <T>(request: () => Promise<T>, label?: string) => perform(request, false, label);
  const attempt = <T>(request: () => Promise<T>, label?: string) => perform(request, true, label) as Promise<T>;
  return { run, attempt, retry: () => (failed ? run(failed.request, failed.label) : Promise.resolve(null)) };
}
