import { Text, View } from '@tarojs/components';
import { formatShanghaiDate, formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import { budgetCeilingFen, categoryByKey } from '@/core/program/program-rules';
import type { ApplicationDetail, ApplicationView, ProgramView } from '@/core/schemas/actions';
import { StatusTag } from '@/components/status-tag';
import { callPhone } from '@/lib/phone';

export function ApplicationSummary({
  application,
  program,
  contact = null,
}: {
  application: ApplicationView;
  program: ProgramView;
  contact?: ApplicationDetail['contact'];
}) {
  const category = categoryByKey(program, application.categoryKey);
  const ceilingFen = category ? budgetCeilingFen(program, category) : null;
  const subtype = category?.subtypes.find((candidate) => candidate.key === application.subtypeKey);
  return (
    <View className="admin-summary">
      <View className="admin-summary__head">
        <Text className="admin-summary__title">{application.projectName || '（未填写项目名称）'}</Text>
        <StatusTag status={application.status} label={application.statusLabel} />
      </View>
      <View className="admin-facts">
        <Text className="admin-facts__label">申报单位</Text>
        <Text className="admin-facts__value">{application.orgName}</Text>
        {contact ? (
          <>
            <Text className="admin-facts__label">联系人</Text>
            <Text className="admin-facts__value">
              {contact.name}
              {contact.phone ? (
                <Text className="admin-facts__phone" onClick={() => void callPhone(contact.phone!)}>
                  {` ${contact.phone}`}
                </Text>
              ) : (
                '（未留电话）'
              )}
            </Text>
          </>
        ) : null}
        <Text className="admin-facts__label">申报类别</Text>
        <Text className="admin-facts__value">
          {application.categoryName}
          {subtype ? ` · ${subtype.name}` : ''}
          {application.servicePoint ? ` · 服务点：${application.servicePoint}` : ''}
        </Text>
        <Text className="admin-facts__label">提交时间</Text>
        <Text className="admin-facts__value">{application.submittedAt ? formatShanghaiDateTime(application.submittedAt) : '—'}</Text>
        {application.decidedAt ? (
          <>
            <Text className="admin-facts__label">最近处理</Text>
            <Text className="admin-facts__value">{formatShanghaiDateTime(application.decidedAt)}</Text>
          </>
        ) : null}
        <Text className="admin-facts__label">预算合计</Text>
        <Text className="admin-facts__value">
          {formatYuan(application.budgetTotalFen)}
          {ceilingFen !== null ? `（上限 ${formatYuan(ceilingFen)}）` : ''}
        </Text>
        {application.awardFen !== null ? (
          <>
            <Text className="admin-facts__label">立项金额</Text>
            <Text className="admin-facts__value">{formatYuan(application.awardFen)}</Text>
          </>
        ) : null}
        {application.dueAt ? (
          <>
            <Text className="admin-facts__label">整改期限</Text>
            <Text className="admin-facts__value admin-facts__value--warn">{formatShanghaiDate(application.dueAt)} 前</Text>
          </>
        ) : null}
      </View>
      {application.decisionReason ? (
        <View className="admin-notice">
          <Text className="admin-notice__title">最近一次处理理由</Text>
          <Text className="admin-notice__text">{application.decisionReason}</Text>
        </View>
      ) : null}
    </View>
  );
}
