import { Tag } from '@nutui/nutui-react-taro';
import { statusTable, type ApplicationStatus } from '@/core/workflow/award-workflow';

/** The status with its tone; the label comes from the server for the caller's audience. */
export function StatusTag({ status, label }: { status: ApplicationStatus; label: string }) {
  return <Tag type={statusTable[status].tone}>{label}</Tag>;
}
