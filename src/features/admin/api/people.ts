// People and their invitations: the lists, moving, revoking and removing a person, inviting and revoking a code.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const listPeople = () => call('person.list', {});
export const reassignPerson = (input: ActionInput<'person.reassign'>) => call('person.reassign', input);
export const revokePerson = (input: ActionInput<'person.revoke'>) => call('person.revoke', input);
export const removePerson = (input: ActionInput<'person.remove'>) => call('person.remove', input);
export const listInvitations = () => call('invitation.list', {});
export const createInvitation = (input: ActionInput<'invitation.create'>) => call('invitation.create', input);
export const revokeInvitation = (input: ActionInput<'invitation.revoke'>) => call('invitation.revoke', input);
export const invitationQrcode = (input: ActionInput<'invitation.qrcode'>) => call('invitation.qrcode', input);
