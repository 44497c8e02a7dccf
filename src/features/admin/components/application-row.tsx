import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import type { ApplicationView } from '@/core/schemas/actions';
import { StatusTag } from '@/components/status-tag';

export function ApplicationRow({ application, onOpen }: { application: ApplicationView; onOpen: (id: string) => void }) {
  return (
    <View className="admin-row" onClick={() => onOpen(application._id)}>
      <View className="admin-row__head">
        <Text className="admin-row__title">{application.projectName || '（未填写项目名称）'}</Text>
        <StatusTag status={application.status} label={application.statusLabel} />
      </View>
      <Text className="admin-row__org">{application.orgName}</Text>
      <View className="admin-row__meta">
        <Text className="admin-row__money">{formatYuan(application.budgetTotalFen)}</Text>
        <Text>{application.submittedAt ? `提交于 ${formatShanghaiDateTime(application.submittedAt)}` : '尚未提交'}</Text>
      </View>
      {application.status === 'returned' && application.returnReason ? (
        <Text className="admin-row__reason">退回理由：{application.returnReason}</Text>
      ) : null}
    </View>
  );
}
