import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import type { ApplicationView } from '@/core/schemas/actions';
import { StatusTag } from '@/components/status-tag';

export function ApplicationSummary({ application }: { application: ApplicationView }) {
  return (
    <View className="admin-summary">
      <View className="admin-summary__head">
        <Text className="admin-summary__title">{application.projectName || '（未填写项目名称）'}</Text>
        <StatusTag status={application.status} label={application.statusLabel} />
      </View>
      <View className="admin-facts">
        <Text className="admin-facts__label">申报单位</Text>
        <Text className="admin-facts__value">{application.orgName}</Text>
        <Text className="admin-facts__label">提交时间</Text>
        <Text className="admin-facts__value">{application.submittedAt ? formatShanghaiDateTime(application.submittedAt) : '—'}</Text>
        {application.decidedAt ? (
          <>
            <Text className="admin-facts__label">处理时间</Text>
            <Text className="admin-facts__value">{formatShanghaiDateTime(application.decidedAt)}</Text>
          </>
        ) : null}
        <Text className="admin-facts__label">经费合计</Text>
        <Text className="admin-facts__value">{formatYuan(application.budgetTotalFen)}</Text>
      </View>
      {application.returnReason ? (
        <View className="admin-notice">
          <Text className="admin-notice__title">退回理由</Text>
          <Text className="admin-notice__text">{application.returnReason}</Text>
        </View>
      ) : null}
    </View>
  );
}
