// The application as submitted: read-only, for the statuses the applicant can no longer edit.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { formatCalendarDay, formatDaySpan, formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { reportTitles, type ReportKind } from '@/core/kpi/report-ledger';
import { formatYuan } from '@/core/money';
import type { Program } from '@/core/program/program-schema';
import { budgetCeilingFen, categoryByKey, indicatorByKey } from '@/core/program/program-rules';
import type { ApplicationView } from '@/core/schemas/actions';
import type { Report } from '@/core/schemas/documents';
import { Collapsible, IndicatorNote } from '@/components/program-info';

interface ApplicationSummaryProps {
  application: ApplicationView;
  program: Program;
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="apply-section">
      <View className="apply-section__title">{title}</View>
      {children}
    </View>
  );
}

function ReportBlock({ kind, report, program }: { kind: ReportKind; report: Report; program: Program }) {
  return (
    <Block title={reportTitles[kind]}>
      <View className="apply-hint">提交于 {formatShanghaiDateTime(report.submittedAt)}</View>
      <View className="apply-readonly apply-readonly--long">{report.summary}</View>
      {report.achievements.map((achievement) => {
        const indicator = indicatorByKey(program, achievement.indicatorKey);
        return (
          <View key={achievement.indicatorKey} className="apply-line">
            <View className="apply-line__main">
              <View>{indicator?.name ?? achievement.indicatorKey}</View>
              <View className="apply-line__amount">
                {achievement.amount} {indicator?.unit ?? ''}
              </View>
            </View>
          </View>
        );
      })}
      <View className="apply-hint">佐证材料 {report.fileIds.length} 个</View>
    </Block>
  );
}

export function ApplicationSummary({ application, program }: ApplicationSummaryProps) {
  const category = categoryByKey(program, application.categoryKey);
  const ceilingFen = category ? budgetCeilingFen(program, category) : null;
  const subtype = category?.subtypes.find((candidate) => candidate.key === application.subtypeKey);
  const reports = (['midterm', 'final', 'rectification'] as const).filter((kind) => application.reports[kind]);
  return (
    <View>
      <Block title="申报类别">
        <View className="apply-readonly">
          {application.categoryName}
          {subtype ? ` · ${subtype.name}` : ''}
        </View>
        {category?.description ? <Collapsible title="类别说明">{category.description}</Collapsible> : null}
        {application.servicePoint ? <View className="apply-hint">服务点：{application.servicePoint}</View> : null}
        {application.awardFen !== null ? <View className="apply-hint">立项金额：{formatYuan(application.awardFen)}</View> : null}
      </Block>
      <Block title="项目名称">
        <View className="apply-readonly">{application.projectName || '（未命名项目）'}</View>
      </Block>
      {program.form.sections.map((section) => (
        <Block key={section.key} title={section.title}>
          <View className="apply-readonly apply-readonly--long">{application.sections[section.key] || '（未填写）'}</View>
        </Block>
      ))}
      <Block title="经费预算">
        {application.budget.map((line, index) => (
          <View key={`${index}-${line.item}`} className="apply-line">
            <View className="apply-line__main">
              <View>{line.item}</View>
              <View className="apply-line__amount">{formatYuan(line.amountFen)}</View>
            </View>
            {line.basis ? <View className="apply-line__note">{line.basis}</View> : null}
          </View>
        ))}
        <View className="apply-total">
          合计 {formatYuan(application.budgetTotalFen)}
          {ceilingFen !== null ? ` / 上限 ${formatYuan(ceilingFen)}` : ''}
        </View>
      </Block>
      {application.schedule.length > 0 ? (
        <Block title="进度安排">
          {application.schedule.map((row, index) => (
            <View key={`${index}-${row.phase}`} className="apply-line">
              <View className="apply-line__main">
                <View>{row.phase}</View>
                <View className="apply-line__amount">{formatDaySpan(row.startsOn, row.endsOn)}</View>
              </View>
              <View className="apply-line__note">
                {row.work}
                {row.owner ? `（负责人：${row.owner}）` : ''}
              </View>
            </View>
          ))}
        </Block>
      ) : null}
      {application.team.length > 0 ? (
        <Block title="项目成员">
          {application.team.map((member, index) => (
            <View key={`${index}-${member.name}`} className="apply-line">
              <View className="apply-line__main">
                <View>
                  {member.name}
                  {member.age !== null ? `（${member.age} 岁）` : ''}
                </View>
                <View className="apply-line__amount">{member.title}</View>
              </View>
              <View className="apply-line__note">{[member.employer, member.task].filter(Boolean).join(' · ')}</View>
            </View>
          ))}
        </Block>
      ) : null}
      {application.attachments.length > 0 ? (
        <Block title="附件">
          {application.attachments.map((attachment) => (
            <View key={attachment.fileId} className="apply-line">
              <View className="apply-line__main">
                <View>📎 {attachment.name}</View>
                <View className="apply-line__amount">
                  {program.form.attachments.find((spec) => spec.key === attachment.key)?.name ?? ''}
                </View>
              </View>
            </View>
          ))}
        </Block>
      ) : null}
      {application.commitments.length > 0 ? (
        <Block title="指标承诺">
          {application.commitments.map((commitment) => {
            const indicator = indicatorByKey(program, commitment.indicatorKey);
            return (
              <View key={commitment.indicatorKey} className="apply-line">
                <View className="apply-line__main">
                  <View>{indicator?.name ?? commitment.indicatorKey}</View>
                  <View className="apply-line__amount">
                    {commitment.amount} {indicator?.unit ?? ''}
                  </View>
                </View>
                <IndicatorNote indicator={indicator} />
              </View>
            );
          })}
        </Block>
      ) : null}
      {application.declaration ? (
        <Block title="申报承诺">
          <View className="apply-hint">{program.form.commitment?.text}</View>
          <View className="apply-readonly">签名人：{application.declaration.signerName}</View>
        </Block>
      ) : null}
      {reports.map((kind) => (
        <ReportBlock key={kind} kind={kind} report={application.reports[kind] as Report} program={program} />
      ))}
      <AwardRecord application={application} />
    </View>
  );
}

/** A payment or refund as one line: 1,500 元，2023年8月1日. */
function paid(money: { amountFen: number; paidOn: string }): string {
  return `${formatYuan(money.amountFen)}，${formatCalendarDay(money.paidOn)}`;
}

/** What was recorded on the award: its agreement, payments, what failing means for it, an extension. */
function AwardRecord({ application }: { application: ApplicationView }) {
  const { agreement, advance, payout, failure, refund, extension } = application;
  if (!agreement && !advance && !payout && !failure && !extension) return null;
  return (
    <Block title="奖补记录">
      {agreement ? (
        <View className="apply-readonly">
          实施协议 {agreement.reference}，{formatCalendarDay(agreement.signedOn)}签订
        </View>
      ) : null}
      {advance ? <View className="apply-readonly">立项后拨付 {paid(advance)}</View> : null}
      {payout ? <View className="apply-readonly">奖补发放 {paid(payout)}</View> : null}
      {failure ? <View className="apply-readonly">验收不合格：{failure.text}</View> : null}
      {failure && failure.refundDueFen > 0 ? (
        <View className="apply-hint">
          {refund ? `已退还 ${paid(refund)}` : `请退还 ${formatYuan(failure.refundDueFen)}，退还后由秘书处登记`}
        </View>
      ) : null}
      {extension ? (
        <View className="apply-readonly">
          报告截止时间延至 {formatShanghaiDateTime(extension.until)}（{extension.reason}）
        </View>
      ) : null}
    </Block>
  );
}
