// The signed-in person's messages: a page of them, marking read, and the reminders they subscribe to.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const listNotifications = (input: ActionInput<'notification.list'>) => call('notification.list', input);
export const markNotificationsRead = (input: ActionInput<'notification.read'>) => call('notification.read', input);
export const notificationTemplates = () => call('notification.templates', {});
export const subscribeNotifications = (input: ActionInput<'notification.subscribe'>) => call('notification.subscribe', input);
