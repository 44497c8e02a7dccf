// The one hook every tap that changes something goes through (src/features/common/use-action.ts), tested through
// its React-free logic (no React renderer is installed): busy while the call runs, a second tap ignored, the
// refusal kept as the message shown, and "重试" sending the call that failed again.
import { actionRunner } from '@/features/common/action-runner';

function screen(toasts?: string[], failures?: unknown[]) {
  const seen = { busy: false, label: undefined as string | undefined, error: null as string | null };
  const runner = actionRunner(
    {
      busy: (busy, label) => {
        seen.busy = busy;
        seen.label = label;
      },
      error: (message) => (seen.error = message),
    },
    (failure) => (failure instanceof Error ? failure.message : '操作失败，请稍后重试'),
    (message, failure) => {
      toasts?.push(message);
      failures?.push(failure);
    },
  );
  return { seen, runner };
}

/** A call the test answers when it chooses, like a slow network. */
function pending<T>() {
  let answer!: (value: T) => void;
  let refuse!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    refuse = reject;
  });
  return { promise, answer, refuse };
}

test('the button is busy while the call runs and free again after its answer, which the screen receives', async () => {
  const { seen, runner } = screen();
  const call = pending<{ id: string }>();
  const result = runner.run(() => call.promise);
  expect(seen.busy).toBe(true);
  call.answer({ id: 'program-1' });
  await expect(result).resolves.toEqual({ id: 'program-1' });
  expect(seen.busy).toBe(false);
  expect(seen.error).toBeNull();
});

test('a second tap while the first save is still running sends nothing', async () => {
  const { runner } = screen();
  const call = pending<string>();
  const sent: string[] = [];
  const first = runner.run(() => {
    sent.push('save');
    return call.promise;
  });
  const second = await runner.run(async () => {
    sent.push('save');
    return 'again';
  });
  expect(second).toBeNull();
  call.answer('saved');
  await expect(first).resolves.toBe('saved');
  expect(sent).toEqual(['save']);
  // Once the first has answered, the next tap goes through.
  await expect(runner.run(async () => 'next')).resolves.toBe('next');
});

test('a refusal is shown as the server worded it (and toasted where asked), the button frees, and the screen gets null', async () => {
  const toasts: string[] = [];
  const { seen, runner } = screen(toasts);
  const answer = await runner.run(() => Promise.reject(new Error('预算合计超过申请金额')));
  expect(answer).toBeNull();
  expect(seen.error).toBe('预算合计超过申请金额');
  expect(toasts).toEqual(['预算合计超过申请金额']);
  expect(seen.busy).toBe(false);
  // The next tap clears the old message while it runs.
  const call = pending<string>();
  const next = runner.run(() => call.promise);
  expect(seen.error).toBeNull();
  call.answer('ok');
  await next;
});

test('重试 sends the call that failed once more; after a success there is nothing to retry', async () => {
  const { seen, runner } = screen();
  let attempts = 0;
  const flaky = async () => {
    attempts += 1;
    if (attempts === 1) throw new Error('网络不稳定，请检查网络后重试（已填写的内容不会丢失）');
    return `saved on attempt ${attempts}`;
  };
  expect(await runner.run(flaky)).toBeNull();
  expect(seen.error).toMatch(/网络不稳定/);
  await expect(runner.retry()).resolves.toBe('saved on attempt 2');
  expect(seen.error).toBeNull();
  // A successful save is never sent twice by 重试.
  await expect(runner.retry()).resolves.toBeNull();
  expect(attempts).toBe(2);
});

test('in a dialog a refusal also rejects, so the dialog stays open with what was typed', async () => {
  const toasts: string[] = [];
  const { seen, runner } = screen(toasts);
  const refusal = new Error('该人员已被他人调整，请刷新');
  await expect(runner.attempt(() => Promise.reject(refusal))).rejects.toBe(refusal);
  expect(toasts).toEqual(['该人员已被他人调整，请刷新']);
  expect(seen.busy).toBe(false);
  await expect(runner.attempt(async () => '已调整')).resolves.toBe('已调整');
  // A second confirm while the first runs is refused too (the dialog stays as it is until the first answers).
  const call = pending<string>();
  const first = runner.attempt(() => call.promise);
  await expect(runner.attempt(async () => 'twice')).rejects.toThrow();
  call.answer('once');
  await expect(first).resolves.toBe('once');
});

test('only the tapped button spins: the call runs under its label, a second decision meanwhile sends nothing', async () => {
  const { seen, runner } = screen();
  const call = pending<string>();
  const sent: string[] = [];
  const approve = runner.run(() => {
    sent.push('approve');
    return call.promise;
  }, 'approve');
  expect(seen).toMatchObject({ busy: true, label: 'approve' });
  await expect(runner.run(async () => sent.push('reject'), 'reject')).resolves.toBeNull();
  expect(seen.label).toBe('approve');
  call.answer('批准');
  await approve;
  expect(seen).toMatchObject({ busy: false, label: undefined });
  expect(sent).toEqual(['approve']);
});

test('a form that words a conflict its own way is handed the failure itself; 重试 runs under the same label', async () => {
  const failures: unknown[] = [];
  const { seen, runner } = screen([], failures);
  const conflict = Object.assign(new Error('内容已被修改，请刷新'), { code: 'CONFLICT' });
  let attempts = 0;
  const save = async () => {
    attempts += 1;
    if (attempts === 1) throw conflict;
    return 'saved';
  };
  await expect(runner.run(save, 'save')).resolves.toBeNull();
  expect(failures).toEqual([conflict]);
  const again = runner.retry();
  expect(seen.label).toBe('save');
  await expect(again).resolves.toBe('saved');
});
