import { MessagesScreen } from '@/features/inbox/components/messages-screen';

export default function MessagesPage() {
  return <MessagesScreen />;
}
