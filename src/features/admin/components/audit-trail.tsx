// 处理记录: every status change, who made it and why, oldest first.
import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { AuditEntry } from '@/core/schemas/documents';
import { actionTable, statusTable, type ApplicationStatus, type WorkflowAction } from '@/core/workflow/award-workflow';

/** Entries that are not workflow actions: the expert review's changes to the application. */
const otherLabels: Record<string, string> = {
  create: '创建草稿',
  assignReviewers: '分配评审专家',
  unassignReviewer: '撤回评审专家',
  reviewScored: '专家提交评分',
};

function actionLabel(action: string): string {
  return otherLabels[action] ?? actionTable[action as WorkflowAction]?.label ?? action;
}

function statusLabel(status: string | null): string {
  if (!status) return '—';
  return statusTable[status as ApplicationStatus]?.staffLabel ?? status;
}

export function AuditTrail({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <Text className="admin-muted">暂无记录</Text>;
  return (
    <View className="admin-trail">
      {entries.map((entry) => (
        <View className="admin-trail__entry" key={entry._id}>
          <View className="admin-trail__head">
            <Text className="admin-trail__action">{actionLabel(entry.action)}</Text>
            <Text className="admin-list__sub">{formatShanghaiDateTime(entry.at)}</Text>
          </View>
          <Text className="admin-trail__line">
            {entry.actorName}
            {entry.from || entry.to ? ` · ${entry.from ? `${statusLabel(entry.from)} → ` : ''}${statusLabel(entry.to)}` : ''}
          </Text>
          {entry.reason ? <Text className="admin-trail__reason">理由：{entry.reason}</Text> : null}
        </View>
      ))}
    </View>
  );
}
