// Joining: looking at an invitation code, accepting it, and the first secretariat's setup.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const peekInvitation = (input: ActionInput<'invitation.peek'>) => call('invitation.peek', input);
export const acceptInvitation = (input: ActionInput<'invitation.accept'>) => call('invitation.accept', input);
export const claimSetup = (input: ActionInput<'setup.claim'>) => call('setup.claim', input);
