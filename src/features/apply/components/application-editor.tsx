// 申报书: the applicant's form, built from the programme's form configuration. Shows exactly the buttons
// the server offers; read-only once submitted.
import { Button, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { ProgramProcess } from '@/components/program-info';
import { StatusTag } from '@/components/status-tag';
import type { WorkflowAction } from '@/core/workflow/award-workflow';
import { confirm, showSuccess } from '@/lib/feedback';
import { back, go, replace } from '@/lib/navigation';
import { useSignedIn } from '@/features/common/use-signed-in';
import { committableIndicators } from '@/core/program/program-rules';
import { programPeriod } from '@/core/program/period';
import { attachmentsAskedFor } from '../application-form';
import { useApplicationEditor } from '../hooks/use-application-editor';
import { nextStep } from '../next-step';
import { ApplicationSummary } from './application-summary';
import { AttachmentSection } from './attachment-section';
import { BudgetSection } from './budget-section';
import { CategorySection } from './category-section';
import { CommitmentSection } from './commitment-section';
import { DecisionReason, ExtensionBanner, SubmissionReceipt } from './decision-reason';
import { DeclarationSection } from './declaration-section';
import { EditorNotice } from './editor-notice';
import { ScheduleSection } from './schedule-section';
import { StageTimeline } from './stage-timeline';
import { SubmitChecklist } from './submit-checklist';
import { TeamSection } from './team-section';
import { TextSections } from './text-sections';
import './apply-form.css';

interface ApplicationEditorProps {
  applicationId?: string;
  programId?: string;
}

export function ApplicationEditor({ applicationId, programId }: ApplicationEditorProps) {
  const signedIn = useSignedIn();
  const editor = useApplicationEditor({ applicationId, programId });
  const { program, application, form, check, actions, notice, busy } = editor;

  if (!signedIn) return null;

  // A new application has no server view yet: it may be saved and submitted while the call is open.
  const available: readonly WorkflowAction[] = application ? application.availableActions : program?.windowOpen ? ['save', 'submit'] : [];
  const editable = available.includes('save');
  const maySubmit = available.includes('submit') || available.includes('resubmit');
  const step = application ? nextStep(application, program ?? undefined) : null;

  const onSave = async () => {
    const wasNew = !application;
    const saved = await editor.save();
    if (!saved) return;
    showSuccess('已保存');
    // From now on the page is this application's: a reload or a reopened page finds it by id.
    if (wasNew) void replace('editApplication', { id: saved._id });
  };

  const onSubmit = async () => {
    if (!editor.readyToSubmit()) return;
    const again = available.includes('resubmit');
    const sure = await confirm(again ? '重新提交' : '提交申报', '提交后由秘书处审核，审核期间不能修改。确认提交？', '提交');
    if (!sure) return;
    const submitted = await editor.submit();
    if (!submitted) return;
    showSuccess(again ? '已重新提交' : '已提交申报');
    // Opened without a list behind it (a shared link): stay and show the new status.
    back().catch(() => undefined);
  };

  const onWithdraw = async () => {
    const sure = await confirm('撤回申报', '撤回后本申报结束，不能再提交；如需申报须重新填写。确认撤回？', '撤回');
    if (!sure) return;
    if (await editor.withdraw()) showSuccess('已撤回');
  };

  const noticeView = notice ? (
    <EditorNotice
      notice={notice}
      onReload={() => void editor.reload()}
      onDiscard={() => void editor.discardLocal()}
      onDismiss={editor.dismissNotice}
    />
  ) : null;

  return (
    <View className="page apply-page">
      <PageState loading={editor.loading} error={editor.loadError} onRetry={() => void editor.reload()}>
        {program && form && check ? (
          <View>
            <View className="apply-header">
              <View className="apply-header__program">{program.name}</View>
              <View className="apply-header__status">
                {application ? (
                  <StatusTag status={application.status} label={application.statusLabel} />
                ) : (
                  <View className="apply-header__new">新申报</View>
                )}
                {editable ? (
                  <View className={`apply-header__saved${editor.dirty ? ' apply-header__saved--dirty' : ''}`}>
                    {editor.dirty ? '有未保存的修改（已暂存在本机）' : application ? '已保存' : ''}
                  </View>
                ) : null}
              </View>
              {application ? <StageTimeline application={application} /> : null}
            </View>

            {application ? <DecisionReason status={application.status} reason={application.decisionReason} /> : null}
            {application ? <SubmissionReceipt application={application} /> : null}
            {application ? <ExtensionBanner application={application} /> : null}
            {!application && !program.windowOpen ? (
              <View className="apply-banner apply-banner--warning">本项目当前不在申报时间内，不能新建申报。</View>
            ) : null}
            {step && step.overdue ? (
              <View className="apply-banner apply-banner--warning">{step.note}</View>
            ) : step && step.route && step.route !== 'editApplication' ? (
              <View className="apply-next" onClick={() => step.route && void go(step.route, step.params)}>
                <View className="apply-next__label">下一步：{step.label}</View>
                {step.due ? <View className="apply-next__due">{step.due}</View> : null}
                {step.note ? <View className="apply-next__due">{step.note}</View> : null}
                <View className="apply-next__arrow">›</View>
              </View>
            ) : null}
            {notice?.kind === 'info' ? noticeView : null}
            {editable ? <ProgramProcess program={program} defaultOpen={!application} /> : null}

            {editable ? (
              <View>
                <CategorySection
                  program={program}
                  categoryKey={form.categoryKey}
                  subtypeKey={form.subtypeKey}
                  servicePoint={form.servicePoint}
                  onCategory={actions.setCategory}
                  onSubtype={actions.setSubtype}
                  onServicePoint={actions.setServicePoint}
                />

                <View className="apply-section">
                  <View className="apply-section__title">项目名称</View>
                  <Input className="apply-input" value={form.projectName} placeholder="请输入项目名称" onChange={actions.setProjectName} />
                  <View className={`apply-counter${check.nameOver ? ' apply-counter--over' : ''}`}>
                    {check.nameChars} / {program.form.projectNameMaxChars}
                  </View>
                </View>

                <TextSections
                  sections={program.form.sections}
                  values={form.sections}
                  counts={check.sectionCounts}
                  onChange={actions.setSection}
                />

                <BudgetSection
                  lines={form.budget}
                  errors={check.budgetErrors}
                  totalFen={check.totalFen}
                  limitFen={check.limitFen}
                  maxLines={program.form.budget.maxLines}
                  onAdd={actions.budget.add}
                  onRemove={actions.budget.remove}
                  onChange={actions.budget.update}
                />

                {program.form.schedule ? (
                  <ScheduleSection
                    rows={form.schedule}
                    errors={check.scheduleErrors}
                    required={program.form.schedule.required}
                    maxRows={program.form.schedule.maxRows}
                    period={programPeriod(program)}
                    onAdd={actions.schedule.add}
                    onRemove={actions.schedule.remove}
                    onChange={actions.schedule.update}
                  />
                ) : null}

                {program.form.team ? (
                  <TeamSection
                    members={form.team}
                    errors={check.teamErrors}
                    required={program.form.team.required}
                    maxRows={program.form.team.maxRows}
                    onAdd={actions.team.add}
                    onRemove={actions.team.remove}
                    onChange={actions.team.update}
                  />
                ) : null}

                <AttachmentSection
                  asked={attachmentsAskedFor(program, form.categoryKey)}
                  attachments={form.attachments}
                  canUpload={Boolean(application)}
                  uploading={editor.uploading}
                  onAdd={(key) => void editor.addAttachment(key)}
                  onRemove={actions.removeAttachment}
                />

                {program.form.indicatorCommitments ? (
                  <CommitmentSection
                    commitments={form.commitments}
                    indicators={committableIndicators(program)}
                    targets={program.form.commitTargets === true}
                    errors={check.commitmentErrors}
                    onAdd={actions.commitments.add}
                    onRemove={actions.commitments.remove}
                    onChange={actions.commitments.update}
                  />
                ) : null}

                {program.form.commitment ? (
                  <DeclarationSection
                    text={program.form.commitment.text}
                    signerName={form.signerName}
                    agreed={form.agreed}
                    onSignerName={actions.setSignerName}
                    onAgreed={actions.setAgreed}
                  />
                ) : null}

                {maySubmit ? (
                  <SubmitChecklist
                    missing={check.missing}
                    blocking={check.blocking}
                    submitIssues={editor.dirty ? [] : editor.submitIssues}
                  />
                ) : null}
              </View>
            ) : application ? (
              <ApplicationSummary application={application} program={program} />
            ) : null}

            {notice && notice.kind !== 'info' ? noticeView : null}

            <View className="apply-actions">
              {available.includes('save') ? (
                <Button
                  className="apply-actions__button"
                  type="default"
                  size="large"
                  block
                  loading={busy === 'save'}
                  disabled={busy !== null}
                  onClick={() => void onSave()}
                >
                  保存草稿
                </Button>
              ) : null}
              {maySubmit ? (
                <Button
                  className="apply-actions__button"
                  type="primary"
                  size="large"
                  block
                  loading={busy === 'submit'}
                  disabled={busy !== null}
                  onClick={() => void onSubmit()}
                >
                  {available.includes('resubmit') ? '重新提交' : '提交申报'}
                </Button>
              ) : null}
              {application && available.includes('claim') ? (
                <Button
                  className="apply-actions__button"
                  type="primary"
                  fill="outline"
                  size="large"
                  block
                  onClick={() => void go('addClaim', { id: application._id })}
                >
                  填报指标完成情况
                </Button>
              ) : null}
              {application && available.includes('withdraw') ? (
                <Button
                  className="apply-actions__button"
                  type="danger"
                  fill="outline"
                  size="large"
                  block
                  loading={busy === 'withdraw'}
                  disabled={busy !== null}
                  onClick={() => void onWithdraw()}
                >
                  撤回申报
                </Button>
              ) : null}
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
