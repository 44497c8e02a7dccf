import { Tag } from '@nutui/nutui-react-taro';
import { statusTable, type ApplicationStatus } from '@/core/workflow/award-workflow';
import './status-tag.css';

/** The status coloured by its tone (award-workflow.ts); the label comes from the server for the caller's audience. */
export function StatusTag({ status, label }: { status: ApplicationStatus; label: string }) {
  return <Tag className={`status-tag status-tag--${statusTable[status].tone}`}>{label}</Tag>;
}
