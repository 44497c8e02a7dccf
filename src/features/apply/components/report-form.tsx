// 中期报告 / 结项报告 / 整改报告: whichever report the server asks for now. Each committed indicator shows what the
// claims hold (承诺 / 已核实 / 待核实) and asks only for the shortfall; the reports already sent are shown below.
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { indicatorByKey } from '@/core/program/program-rules';
import type { ApplicationDetail } from '@/core/schemas/actions';
import { confirm, showSuccess } from '@/lib/feedback';
import { back } from '@/lib/navigation';
import { useSignedIn } from '@/features/common/use-signed-in';
import { useOwnApplication } from '../hooks/use-own-application';
import { SUMMARY_MAX, useReportForm } from '../hooks/use-report-form';
import { dueText, isOverdue, overdueText, reportDeadlineOf, reportDue, reportTitles, type ReportKind } from '../next-step';
import { DecisionReason } from './decision-reason';
import { EvidencePhotoGrid } from './evidence-photo-grid';
import './apply-form.css';

function ReportEditor({ detail, kind, onSubmitted }: { detail: ApplicationDetail; kind: ReportKind; onSubmitted: () => void }) {
  const form = useReportForm(detail, kind);
  const deadline = reportDeadlineOf(detail.application, detail.program);

  const onSubmit = async () => {
    const sure = await confirm(`提交${reportTitles[kind]}`, '提交后由秘书处审核，不能再修改。确认提交？', '提交');
    if (!sure) return;
    if (await form.submit()) {
      showSuccess('已提交');
      back().catch(onSubmitted);
    }
  };

  return (
    <View>
      {deadline ? (
        <View className={`apply-banner${kind === 'rectification' ? ' apply-banner--warning' : ' apply-banner--info'}`}>
          {reportTitles[kind]}：{dueText(deadline)}
          {deadline.extension?.reason ? <View className="apply-banner__note">延期理由：{deadline.extension.reason}</View> : null}
        </View>
      ) : null}
      {form.restored ? <View className="apply-notice apply-notice--info">已恢复未提交的内容</View> : null}
      <View className="apply-section">
        <View className="apply-section__title">报告摘要</View>
        <View className="apply-hint">
          {kind === 'rectification' ? '写明针对整改要求所做的工作和结果。' : '写明项目开展情况、完成的主要工作和取得的成效。'}
        </View>
        <TextArea
          className={`apply-textarea${form.summaryChars > SUMMARY_MAX ? ' apply-textarea--over' : ''}`}
          value={form.summary}
          maxLength={-1}
          rows={8}
          autoSize
          placeholder="请填写报告摘要"
          onChange={form.setSummary}
        />
        <View className={`apply-counter${form.summaryChars > SUMMARY_MAX ? ' apply-counter--over' : ''}`}>
          {form.summaryChars} / {SUMMARY_MAX}
        </View>
      </View>
      {form.lines.length > 0 ? (
        <View className="apply-section">
          <View className="apply-section__title">指标完成情况</View>
          <View className="apply-hint">
            已核实、待核实的成果不必重复填写。请填写本次新增、尚未填报的数量，提交后作为成果填报等待秘书处核实；超出承诺的成果请在“成果填报”中逐项提交。
          </View>
          {form.lines.map((line) => {
            const indicator = indicatorByKey(detail.program, line.indicatorKey);
            const unit = indicator?.unit ?? '';
            return (
              <View key={line.indicatorKey} className="apply-achievement">
                <View className="apply-achievement__text">
                  <View>{indicator?.name ?? line.indicatorKey}</View>
                  <View className="apply-achievement__note">
                    承诺 {line.committed}，已核实 {line.verified}，待核实 {line.pending} {unit}
                  </View>
                </View>
                {line.missing > 0 ? (
                  <Input
                    className="apply-input apply-input--short"
                    type="number"
                    value={form.achieved[line.indicatorKey] ?? ''}
                    placeholder={`尚缺 ${line.missing}`}
                    onChange={(text) => form.setAchieved(line.indicatorKey, text)}
                  />
                ) : (
                  <View className="apply-achievement__covered">已足额</View>
                )}
              </View>
            );
          })}
        </View>
      ) : null}
      <EvidencePhotoGrid evidence={form.evidence} title="佐证材料照片" />
      {form.error ? <View className="apply-notice apply-notice--error">{form.error}</View> : null}
      <View className="apply-actions">
        <Button type="primary" size="large" block loading={form.sending} disabled={form.sending} onClick={() => void onSubmit()}>
          提交{reportTitles[kind]}
        </Button>
      </View>
    </View>
  );
}

export function ReportForm({ applicationId }: { applicationId?: string }) {
  const signedIn = useSignedIn();
  const remote = useOwnApplication(applicationId);

  if (!signedIn) return null;
  const detail = remote.data;
  const kind = detail ? reportDue(detail.application) : null;
  const deadline = detail && kind ? reportDeadlineOf(detail.application, detail.program) : null;
  // Past the deadline the server refuses the report: say so rather than offer a form filled for nothing.
  const overdue = detail && kind && deadline && isOverdue(deadline, detail.program) ? overdueText(kind, deadline) : null;
  const sent = detail ? (['midterm', 'final', 'rectification'] as const).filter((key) => detail.application.reports[key]) : [];

  return (
    <View className="page apply-page">
      <PageState loading={remote.loading && !detail} error={detail ? null : remote.error} onRetry={() => void remote.reload()}>
        {detail ? (
          <View>
            <View className="apply-header">
              <View className="apply-header__program">{detail.application.projectName || '（未命名项目）'}</View>
              <View className="apply-header__status">
                <StatusTag status={detail.application.status} label={detail.application.statusLabel} />
              </View>
            </View>
            <DecisionReason status={detail.application.status} reason={detail.application.decisionReason} />
            {kind && overdue ? (
              <View className="apply-banner apply-banner--warning">{overdue}</View>
            ) : kind ? (
              <ReportEditor
                key={`${kind}-${detail.application.version}`}
                detail={detail}
                kind={kind}
                onSubmitted={() => void remote.reload()}
              />
            ) : (
              <View className="apply-banner apply-banner--warning">当前无需提交报告（{detail.application.statusLabel}）。</View>
            )}
            {sent.map((key) => {
              const report = detail.application.reports[key];
              return report ? (
                <View key={key} className="apply-section">
                  <View className="apply-section__title">已提交的{reportTitles[key]}</View>
                  <View className="apply-hint">提交于 {formatShanghaiDateTime(report.submittedAt)}</View>
                  <View className="apply-readonly apply-readonly--long">{report.summary}</View>
                  <View className="apply-hint">佐证材料 {report.fileIds.length} 个</View>
                </View>
              ) : null;
            })}
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
