// Everything the system holds about the signed-in person.
import { call } from '@/lib/api';

export const exportMyData = () => call('me.export', {});
