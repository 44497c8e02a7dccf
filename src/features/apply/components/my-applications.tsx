// 我的申报: the unit's applications with their status, where each stands and what to do next, and the way
// to start a new one.
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import { call } from '@/lib/api';
import { go } from '@/lib/navigation';
import { useRemote } from '@/features/common/use-remote';
import { useSignedIn } from '@/features/common/use-signed-in';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { nextStep } from '../next-step';
import { DecisionReason } from './decision-reason';
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
      {step ? (
        <View
          className="apply-card__next"
          onClick={(event: { stopPropagation?: () => void }) => {
            event.stopPropagation?.();
            void go(step.route, step.params);
          }}
        >
          <View className="apply-card__next-label">下一步：{step.label} ›</View>
          {step.due ? <View className="apply-card__next-due">{step.due}</View> : null}
        </View>
      ) : null}
    </View>
  );
}

function newApplicationTarget(programs: readonly ProgramView[], programId?: string): ProgramView | undefined {
  return programs.find((program) => program._id === programId) ?? programs.find((program) => program.windowOpen) ?? programs[0];
}

export function MyApplications({ programId }: MyApplicationsProps) {
  const signedIn = useSignedIn();
  const remote = useRemote(async () => {
    const [applications, programs] = await Promise.all([call('application.listMine', {}), call('program.list', {})]);
    return { applications, programs };
  }, []);
  useReloadOnShow(remote.reload);

  if (!signedIn) return null;
  const target = remote.data ? newApplicationTarget(remote.data.programs, programId) : undefined;

  return (
    <View className="page apply-page">
      <PageState loading={remote.loading && !remote.data} error={remote.data ? null : remote.error} onRetry={() => void remote.reload()}>
        {remote.data ? (
          <View>
            {remote.error ? <View className="apply-notice apply-notice--error">刷新失败：{remote.error}</View> : null}
            {remote.data.applications.length === 0 ? (
              <View className="apply-empty">还没有申报。点击下方“新建申报”开始填写，填写内容会自动暂存在本机。</View>
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
              {target ? (
                <Button
                  type="primary"
                  size="large"
                  block
                  disabled={!target.windowOpen}
                  onClick={() => void go('editApplication', { programId: target._id })}
                >
                  {target.windowOpen ? '新建申报' : '当前不在申报时间内'}
                </Button>
              ) : (
                <View className="apply-hint">暂无可申报的项目</View>
              )}
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
