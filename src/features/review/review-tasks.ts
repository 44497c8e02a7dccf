// The expert's tasks as the review screens order them: what to do next after a score is in (or after stepping
// back), and the review deadline in words.
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { ReviewView } from '@/core/schemas/actions';

/** Started first, then not yet started; the submitted and the withdrawn are done. */
const order: Partial<Record<ReviewView['status'], number>> = { declared: 0, assigned: 1 };

/** The task to open after this one: one still to do, started ones first, in the list's order (newest first). */
export function nextTask<T extends Pick<ReviewView, '_id' | 'status'>>(tasks: readonly T[], currentId: string): T | null {
  const open = tasks.filter((task) => task._id !== currentId && order[task.status] !== undefined);
  return [...open].sort((a, b) => order[a.status]! - order[b.status]!)[0] ?? null;
}

/** '请于2023年7月10日 23:59前完成评审', '评审已于…截止', or null when the programme sets no deadline. */
export function reviewDueText(dueAt: string | null, now: Date): string | null {
  if (!dueAt) return null;
  return now.getTime() > Date.parse(dueAt) + 999
    ? `评审已于${formatShanghaiDateTime(dueAt)}截止，如需延期请联系秘书处`
    : `请于${formatShanghaiDateTime(dueAt)}前完成评审`;
}
