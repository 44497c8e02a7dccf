// The reason given with the secretariat's last decision, headed by what it means for the applicant.
import { View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { ApplicationView } from '@/core/schemas/actions';
import type { ApplicationStatus } from '@/core/workflow/award-workflow';
import { awaitsCheck, submissionReceipt } from '@/core/workflow/messages';
import { reportDue } from '../next-step';

const headings: Partial<Record<ApplicationStatus, string>> = {
  returned: '退回理由',
  checkRejected: '未通过原因',
  notSelected: '未入选原因',
  objectionUpheld: '异议处理意见',
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

/** While a report is owed: the extension the secretariat granted, its new due time and its reason. */
export function ExtensionBanner({ application }: { application: Pick<ApplicationView, 'extension' | 'availableActions'> }) {
  const { extension } = application;
  if (!extension || !reportDue(application)) return null;
  return (
    <View className="apply-banner">
      已获准延期至 {formatShanghaiDateTime(extension.until)}：{extension.reason}
    </View>
  );
}

/** While it waits for the formal check: the receipt of the submission (the same words as the receipt message). */
export function SubmissionReceipt({ application }: { application: Pick<ApplicationView, 'status' | 'submittedAt'> }) {
  if (!awaitsCheck(application.status) || !application.submittedAt) return null;
  return <View className="apply-banner apply-receipt">申报回执：{submissionReceipt(application.submittedAt)}</View>;
}
