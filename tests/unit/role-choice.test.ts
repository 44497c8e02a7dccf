// The role a person chose travels with every call; a role the server no longer knows is forgotten once.
import type { ApiResult } from '@/core/schemas/actions';
import { sendAsChosen, type CallEvent, type ChoiceStore } from '@/lib/role-choice';

function storeWith(initial: string | null): ChoiceStore & { value: string | null } {
  const store = {
    value: initial,
    get: () => store.value,
    set: (userId: string) => {
      store.value = userId;
    },
    clear: () => {
      store.value = null;
    },
  };
  return store;
}

/** A server that answers each event with the next canned answer and records what it was sent. */
function serverAnswering(...answers: ApiResult<unknown>[]) {
  const sent: CallEvent[] = [];
  const send = (event: CallEvent) => {
    sent.push(event);
    return Promise.resolve(answers[Math.min(sent.length - 1, answers.length - 1)]!);
  };
  return { sent, send };
}

const ok: ApiResult<unknown> = { ok: true, data: { fine: true } };
const refused = (code: string): ApiResult<unknown> => ({ ok: false, error: { code, message: '…' } });
const event: CallEvent = { action: 'session.me', input: {} };

describe('the chosen role on each call', () => {
  it('sends no `as` while no role was chosen', async () => {
    const server = serverAnswering(ok);
    await expect(sendAsChosen(server.send, event, storeWith(null))).resolves.toEqual(ok);
    expect(server.sent).toEqual([event]);
  });

  it('sends the chosen role and keeps it when the server accepts it', async () => {
    const server = serverAnswering(ok);
    const store = storeWith('u_contact');
    await sendAsChosen(server.send, event, store);
    expect(server.sent).toEqual([{ ...event, as: 'u_contact' }]);
    expect(store.value).toBe('u_contact');
  });

  it.each(['ROLE_UNKNOWN', 'NOT_REGISTERED'])('forgets a role the server answers %s to and asks once more without it', async (code) => {
    const server = serverAnswering(refused(code), ok);
    const store = storeWith('u_revoked');
    await expect(sendAsChosen(server.send, event, store)).resolves.toEqual(ok);
    expect(server.sent).toEqual([{ ...event, as: 'u_revoked' }, event]);
    expect(store.value).toBeNull();
  });

  it('asks only once more: a second refusal reaches the caller', async () => {
    const server = serverAnswering(refused('NOT_REGISTERED'));
    const store = storeWith('u_gone');
    await expect(sendAsChosen(server.send, event, store)).resolves.toEqual(refused('NOT_REGISTERED'));
    expect(server.sent).toHaveLength(2);
  });

  it('keeps the role through any other refusal (the action, not the role, was refused)', async () => {
    const server = serverAnswering(refused('FORBIDDEN'));
    const store = storeWith('u_contact');
    await expect(sendAsChosen(server.send, event, store)).resolves.toEqual(refused('FORBIDDEN'));
    expect(server.sent).toHaveLength(1);
    expect(store.value).toBe('u_contact');
  });

  it('without a chosen role, a NOT_REGISTERED answer is not retried', async () => {
    const server = serverAnswering(refused('NOT_REGISTERED'));
    await sendAsChosen(server.send, event, storeWith(null));
    expect(server.sent).toHaveLength(1);
  });
});
