// An attachment of an application opened on the phone: its short-lived link fetched, then the file opened;
// a failure is shown as a message.
import { messageOf } from '@/lib/api-error';
import { showMessage } from '@/lib/feedback';
import { openFileLink } from '@/lib/open-file';
import { fileLink } from './api/shared';

export async function openAttachment(fileId: string, name: string): Promise<void> {
  try {
    const link = await fileLink({ fileId });
    await openFileLink(link.url, name);
  } catch (error) {
    showMessage(messageOf(error));
  }
}
