// 我的申报: the unit's applications with their status, where each stands and what to do next, and the way
// to start a new one.
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import { listPrograms } from '@/features/common/api/shared';
import { listMyApplications } from '../api/applications';
import { go } from '@/lib/navigation';
import { useRemote } from '@/features/common/use-remote';
import { useSignedIn } from '@/features/common/use-signed-in';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { nextStep } from '../next-step';
import { noApplicationsText } from '../no-applications';
import { DecisionReason, ExtensionBanner, SubmissionReceipt } from './decision-reason';
import { StageTimeline } from './stage-timeline';
import './apply-form.css';

interface MyApplicationsProps {
  /** The programme a new application is for; the first open one when not given. */
  programId?: string;
}

function ApplicationCard({ application, program }: { application: ApplicationView; program?: ProgramView }) {
  const step = nextStep(application, program);
  return (
    <View className="apply-card" onClick={() => void go('editApplication', { id: application._id })}>
      <View className="apply-card__head">
        <View className="apply-card__title">{application.projectName || '（未命名项目）'}</View>
        <View className="apply-card__arrow">›</View>
      </View>
      <View className="apply-card__status">
        <StatusTag status={application.status} label={application.statusLabel} />
      </View>
      <View className="apply-card__category">{application.categoryName}</View>
      <StageTimeline application={application} />
      <View className="apply-card__meta">
        <View>
          {application.awardFen !== null
            ? `立项 ${formatYuan(application.awardFen)}`
            : `预算合计 ${formatYuan(application.budgetTotalFen)}`}
        </View>
        <View>更新于 {formatShanghaiDateTime(application.updatedAt)}</View>
      </View>
      <DecisionReason status={application.status} reason={application.decisionReason} />
      <SubmissionReceipt application={application} />
      <ExtensionBanner application={application} />
      {step ? (
        <View
          className={`apply-card__next${step.overdue ? ' apply-card__next--overdue' : ''}`}
          onClick={(event: { stopPropagation?: () => void }) => {
            event.stopPropagation?.();
            if (step.route) void go(step.route, step.params);
          }}
        >
          <View className="apply-card__next-label">{step.overdue ? step.label : `下一步：${step.label} ›`}</View>
          {step.due ? <View className="apply-card__next-due">{step.due}</View> : null}
          {step.note && !step.overdue ? <View className="apply-card__next-due">{step.note}</View> : null}
        </View>
      ) : null}
    </View>
  );
}

/** The programmes a new application can go to now: the one asked for first, then every other open one. */
function newApplicationTargets(programs: readonly ProgramView[], programId?: string): ProgramView[] {
  const open = programs.filter((program) => program.windowOpen);
  const asked = open.find((program) => program._id === programId);
  return asked ? [asked, ...open.filter((program) => program !== asked)] : open;
}

export function MyApplications({ programId }: MyApplicationsProps) {
  const signedIn = useSignedIn();
  const remote = useRemote(async () => {
    const [applications, programs] = await Promise.all([listMyApplications(), listPrograms()]);
    return { applications, programs };
  }, []);
  useReloadOnShow(remote.reload);

  if (!signedIn) return null;
  const targets = remote.data ? newApplicationTargets(remote.data.programs, programId) : [];

  return (
    <View className="page apply-page">
      <PageState loading={remote.loading && !remote.data} error={remote.data ? null : remote.error} onRetry={() => void remote.reload()}>
        {remote.data ? (
          <View>
            {remote.error ? <View className="apply-notice apply-notice--error">刷新失败：{remote.error}</View> : null}
            {remote.data.applications.length === 0 ? (
              <View className="apply-empty">{noApplicationsText(targets.length > 0 ? targets : remote.data.programs)}</View>
            ) : (
              remote.data.applications.map((application) => (
                <ApplicationCard
                  key={application._id}
                  application={application}
                  program={remote.data?.programs.find((program) => program._id === application.programId)}
                />
              ))
            )}
            <View className="apply-actions">
              {targets.map((target) => (
                <Button
                  key={target._id}
                  type="primary"
                  size="large"
                  block
                  onClick={() => void go('editApplication', { programId: target._id })}
                >
                  {targets.length > 1 ? `新建申报：${target.name}` : '新建申报'}
                </Button>
              ))}
              {targets.length === 0 && remote.data.applications.length > 0 ? (
                <View className="apply-hint">{remote.data.programs.length > 0 ? '当前不在申报时间内' : '暂无可申报的项目'}</View>
              ) : null}
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
