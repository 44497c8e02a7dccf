import { Text, View } from '@tarojs/components';
import { formatYuan } from '@/core/money';
import { budgetCeilingFen, categoryByKey } from '@/core/program/program-rules';
import type { ApplicationDetail, ApplicationView, ProgramView } from '@/core/schemas/actions';
import { Card } from '@/components/card';
import { DateText } from '@/components/date-text';
import { KeyValue, KeyValues } from '@/components/key-value';
import { Money } from '@/components/money';
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
    <Card>
      <View className="admin-summary__head">
        <Text className="admin-summary__title">{application.projectName || '（未填写项目名称）'}</Text>
        <StatusTag status={application.status} label={application.statusLabel} />
      </View>
      <KeyValues>
        <KeyValue label="申报单位">{application.orgName}</KeyValue>
        {contact ? (
          <KeyValue label="联系人">
            {contact.name}
            {contact.phone ? (
              <Text className="admin-facts__phone" onClick={() => void callPhone(contact.phone!)}>
                {` ${contact.phone}`}
              </Text>
            ) : (
              '（未留电话）'
            )}
          </KeyValue>
        ) : null}
        <KeyValue label="申报类别">
          {application.categoryName}
          {subtype ? ` · ${subtype.name}` : ''}
          {application.servicePoint ? ` · 服务点：${application.servicePoint}` : ''}
        </KeyValue>
        <KeyValue label="提交时间">{application.submittedAt ? <DateText value={application.submittedAt} withTime /> : '—'}</KeyValue>
        {application.decidedAt ? (
          <KeyValue label="最近处理">
            <DateText value={application.decidedAt} withTime />
          </KeyValue>
        ) : null}
        <KeyValue label="预算合计">
          <Money fen={application.budgetTotalFen} />
          {ceilingFen !== null ? `（上限 ${formatYuan(ceilingFen)}）` : ''}
        </KeyValue>
        {application.awardFen !== null ? (
          <KeyValue label="立项金额">
            <Money fen={application.awardFen} />
          </KeyValue>
        ) : null}
        {application.dueAt ? (
          <KeyValue label="整改期限" tone="attention">
            <DateText value={application.dueAt} /> 前
          </KeyValue>
        ) : null}
      </KeyValues>
      {application.decisionReason ? (
        <View className="admin-notice">
          <Text className="admin-notice__title">最近一次处理理由</Text>
          <Text className="admin-notice__text">{application.decisionReason}</Text>
        </View>
      ) : null}
    </Card>
  );
}
