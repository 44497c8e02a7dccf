import { Text, View } from '@tarojs/components';
import { formatShanghaiDate, formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { ApplicationSummaryView } from '@/core/schemas/actions';
import { StatusTag } from '@/components/status-tag';
import { ModerationNotice } from './moderation-notice';
import { Money } from '@/components/money';

interface ApplicationRowProps {
  application: ApplicationSummaryView;
  onOpen: (id: string) => void;
  /** Present while selecting: the row's checkbox state; undefined: the row cannot be selected. */
  selected?: boolean;
  selecting?: boolean;
  onToggle?: (id: string) => void;
}

export function ApplicationRow({ application, onOpen, selected, selecting = false, onToggle }: ApplicationRowProps) {
  const selectable = selecting && selected !== undefined;
  return (
    <View
      className={`admin-row${selectable ? ' admin-row--selectable' : ''}${selecting && !selectable ? ' admin-row--dim' : ''}`}
      onClick={() => (selecting ? selectable && onToggle?.(application._id) : onOpen(application._id))}
    >
      {selecting ? (
        <View className={`admin-check admin-row__check${selected ? ' admin-check--on' : ''}${selectable ? '' : ' admin-check--off'}`} />
      ) : null}
      <View className="admin-row__body">
        <View className="admin-row__head">
          <Text className="admin-row__title">{application.projectName || '（未填写项目名称）'}</Text>
          <StatusTag status={application.status} label={application.statusLabel} />
        </View>
        <Text className="admin-row__org">
          {application.orgName} · {application.categoryName}
        </Text>
        <View className="admin-row__meta">
          <Money fen={application.awardFen ?? application.budgetTotalFen} strong />
          <Text>
            {application.dueAt
              ? `整改期限 ${formatShanghaiDate(application.dueAt)}`
              : application.submittedAt
                ? `提交于 ${formatShanghaiDateTime(application.submittedAt)}`
                : '尚未提交'}
          </Text>
        </View>
        <ModerationNotice moderation={application.moderation} />
        {application.decisionReason && (application.status === 'returned' || application.dueAt) ? (
          <Text className="admin-row__reason">理由：{application.decisionReason}</Text>
        ) : null}
      </View>
    </View>
  );
}
