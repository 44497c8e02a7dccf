// 申报书: the applicant's form. Shows exactly the buttons the server offers; read-only once submitted.
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import type { WorkflowAction } from '@/core/workflow/award-workflow';
import { confirm, showSuccess } from '@/lib/feedback';
import { back, go, replace } from '@/lib/navigation';
import { useSignedIn } from '@/features/common/use-signed-in';
import { committableIndicators } from '../application-form';
import { useApplicationEditor } from '../hooks/use-application-editor';
import { ApplicationSummary } from './application-summary';
import { BudgetSection } from './budget-section';
import { CommitmentSection } from './commitment-section';
import { EditorNotice } from './editor-notice';

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
    const sure = await confirm('提交申报', '提交后由学会秘书处审核，审核期间不能修改。确认提交？', '提交');
    if (!sure) return;
    const submitted = await editor.submit();
    if (!submitted) return;
    showSuccess('已提交申报');
    // Opened without a list behind it (a shared link): stay and show the new status.
    back().catch(() => undefined);
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
        {program && check ? (
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
            </View>

            {application?.status === 'returned' && application.returnReason ? (
              <View className="apply-banner apply-banner--warning">退回理由：{application.returnReason}</View>
            ) : null}
            {!application && !program.windowOpen ? (
              <View className="apply-banner apply-banner--warning">本项目当前不在申报时间内，不能新建申报。</View>
            ) : null}
            {notice?.kind === 'info' ? noticeView : null}

            {editable ? (
              <View>
                <View className="apply-section">
                  <View className="apply-section__title">项目名称</View>
                  <Input className="apply-input" value={form.projectName} placeholder="请输入项目名称" onChange={actions.setProjectName} />
                  <View className={`apply-counter${check.nameOver ? ' apply-counter--over' : ''}`}>
                    {check.nameChars} / {program.form.projectNameMaxChars}
                  </View>
                </View>

                <View className="apply-section">
                  <View className="apply-section__title">实施方案</View>
                  <TextArea
                    className={`apply-textarea${check.planOver ? ' apply-textarea--over' : ''}`}
                    value={form.plan}
                    maxLength={-1}
                    rows={8}
                    autoSize
                    status={check.planOver ? 'error' : 'default'}
                    placeholder="请填写工作目标、主要内容、进度安排与预期成果"
                    onChange={actions.setPlan}
                  />
                  <View className={`apply-counter${check.planOver ? ' apply-counter--over' : ''}`}>
                    {check.planChars} / {program.form.planMaxChars}
                    {check.planOver ? '（超出字数，不能保存）' : ''}
                  </View>
                </View>

                <BudgetSection
                  lines={form.budget}
                  errors={check.budgetErrors}
                  totalFen={check.totalFen}
                  limitFen={program.awardAmountFen}
                  maxLines={program.form.budgetMaxLines}
                  onAdd={actions.addBudgetLine}
                  onRemove={actions.removeBudgetLine}
                  onChange={actions.updateBudgetLine}
                />

                <CommitmentSection
                  commitments={form.commitments}
                  indicators={committableIndicators(program)}
                  errors={check.commitmentErrors}
                  onAdd={actions.addCommitment}
                  onRemove={actions.removeCommitment}
                  onChange={actions.updateCommitment}
                />
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
              {available.includes('submit') ? (
                <Button
                  className="apply-actions__button"
                  type="primary"
                  size="large"
                  block
                  loading={busy === 'submit'}
                  disabled={busy !== null}
                  onClick={() => void onSubmit()}
                >
                  提交申报
                </Button>
              ) : null}
              {application && available.includes('claim') ? (
                <Button
                  className="apply-actions__button"
                  type="primary"
                  size="large"
                  block
                  onClick={() => void go('addClaim', { id: application._id })}
                >
                  填报指标完成情况
                </Button>
              ) : null}
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
