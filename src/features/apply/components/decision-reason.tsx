// The reason given with the secretariat's last decision, headed by what it means for the applicant.
import { View } from '@tarojs/components';
import type { ApplicationStatus } from '@/core/workflow/award-workflow';

const headings: Partial<Record<ApplicationStatus, string>> = {
  returned: '退回理由',
  checkRejected: '未通过原因',
  notSelected: '未入选原因',
  objectionUpheld: '不予立项原因',
  midtermRectify: '整改要求',
  inRectification: '整改要求',
  failed: '验收意见',
};

export function DecisionReason({ status, reason }: { status: ApplicationStatus; reason: string | null }) {
  const heading = headings[status];
  if (!reason || !heading) return null;
  return (
    <View className="apply-banner apply-banner--warning">
      {heading}：{reason}
    </View>
  );
}
