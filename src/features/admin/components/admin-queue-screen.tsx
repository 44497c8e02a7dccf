// 申报管理: the programme's applications by stage; what waits for the secretariat first, oldest first;
// several can be decided at once where a decision needs no reason.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import { isSummable } from '@/core/program/program-rules';
import { actionTable, stageLabels } from '@/core/workflow/award-workflow';
import { LoadMore } from '@/components/load-more';
import { PageState } from '@/components/page-state';
import { getProgram } from '@/features/common/api/shared';
import { confirm } from '@/lib/feedback';
import { go, type RouteName } from '@/lib/navigation';
import { useRemote } from '@/features/common/use-remote';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { useAdminQueue } from '../hooks/use-admin-queue';
import { useBatchDecision } from '../hooks/use-batch-decision';
import { useBulkAssignment } from '../hooks/use-bulk-assignment';
import { progressText } from '../hooks/use-batch-progress';
import { useClaimQueue } from '../hooks/use-claim-queue';
import {
  assignmentOutcomes,
  batchDecisions,
  filterCount,
  type BatchDecision,
  type ClaimFilters,
  type QueueFilters,
  type QueueStage,
} from '../staff-actions';
import { ApplicationRow } from './application-row';
import { BatchResultDialog } from './batch-result-dialog';
import { BulkAssignDialog } from './bulk-assign-dialog';
import { ClaimQueue } from './claim-queue';
import { QueueFiltersBar } from './queue-filters';
import { StageTabs } from './stage-tabs';
import '../admin.css';

const emptyTexts: Record<QueueStage, string> = {
  check: '暂无待形式审查的申报',
  review: '暂无进入专家评审的申报',
  publicity: '暂无拟立项或公示中的申报',
  implementation: '暂无实施中的项目',
  acceptance: '暂无待验收的项目',
  payout: '暂无待发放奖补的项目',
};

const tools: { title: string; route: RouteName }[] = [
  { title: '评审排名', route: 'ranking' },
  { title: '公示管理', route: 'publicity' },
  { title: '指标看板', route: 'dashboard' },
  { title: '项目设置', route: 'programs' },
];

export function AdminQueueScreen({ programId, initialStage }: { programId?: string; initialStage?: QueueStage }) {
  const [stage, setStage] = useState<QueueStage>(initialStage ?? 'check');
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [filters, setFilters] = useState<QueueFilters>({});
  const queue = useAdminQueue(programId, stage, filters);
  const program = useRemote(async () => (queue.programId ? getProgram({ programId: queue.programId }) : null), [queue.programId]);
  const batch = useBatchDecision(() => {
    setSelected([]);
    setSelecting(false);
    return queue.reload();
  });
  const [claimFilters, setClaimFilters] = useState<ClaimFilters>({});
  const claims = useClaimQueue(programId, claimFilters);
  // A claim settled meanwhile leaves the claim queue without its loaded pages being read again (useClaimQueue).
  useReloadOnShow(() => Promise.all([queue.reload(), claims.refresh()]));

  const batchable = useMemo(
    () =>
      queue.visible.filter(
        (application) =>
          application.availableActions.includes('startReview') ||
          batchDecisions.some((decision) => application.availableActions.includes(decision)),
      ),
    [queue.visible],
  );
  const chosen = queue.visible.filter((application) => selected.includes(application._id));
  const toAssign = chosen.filter((application) => application.availableActions.includes('startReview'));
  const assignment = useBulkAssignment(queue.programId ?? null, toAssign, () => {
    setSelected([]);
    setSelecting(false);
    return queue.reload();
  });
  const categories = (program.data?.categories ?? []).map((category) => ({ id: category.key, name: category.name }));
  const claimIndicators = (program.data?.indicators ?? [])
    .filter(isSummable)
    .map((indicator) => ({ id: indicator.key, name: indicator.name }));
  const units = useMemo(() => {
    const seen = new Map((queue.applications ?? []).map((application) => [application.orgId, application.orgName]));
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [queue.applications]);
  const offered = batchDecisions.filter((decision) => chosen.some((application) => application.availableActions.includes(decision)));
  const names = useMemo(
    () => new Map((queue.applications ?? []).map((a) => [a._id, `${a.orgName}：${a.projectName}`])),
    [queue.applications],
  );

  function changeStage(next: QueueStage) {
    setStage(next);
    setFilters(({ status: _status, ...rest }) => rest);
    setSelected([]);
    setSelecting(false);
  }

  function toggle(id: string) {
    setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  }

  async function runBatch(decision: BatchDecision) {
    const items = chosen.filter((application) => application.availableActions.includes(decision));
    const label = actionTable[decision].label;
    if (!(await confirm(`批量${label}`, `将对 ${items.length} 份申报${label}，确定？`))) return;
    void batch.run(decision, items);
  }

  const allChosen = batchable.length > 0 && batchable.every((application) => selected.includes(application._id));
  const programParams = { programId: queue.programId ?? '' };

  return (
    <View className={`admin-page${selecting ? ' admin-page--with-bar' : ''}`}>
      <View className="admin-queue__top">
        <StageTabs value={stage} counts={queue.count ? { [stage]: queue.count } : null} onChange={changeStage} />
      </View>
      <View className="admin-tools">
        {tools.map((tool) => (
          <Text key={tool.route} className="admin-tools__item" onClick={() => void go(tool.route, programParams)}>
            {tool.title}
          </Text>
        ))}
      </View>
      <ClaimQueue queue={claims} filters={claimFilters} onFilters={setClaimFilters} indicators={claimIndicators} />
      <QueueFiltersBar
        stage={stage}
        value={filters}
        categories={categories}
        units={units}
        onChange={(next) => (setFilters(next), setSelected([]))}
      />
      {queue.count ? (
        <View className="admin-queue__hint">
          <Text>
            {stageLabels[stage]} {queue.count.total}
            {queue.count.more && !queue.count.totalKnown ? '+' : ''} 条，{queue.count.more ? '已加载的' : ''}待处理 {queue.count.waiting} 条
          </Text>
          {batchable.length > 0 ? (
            <Text className="admin-link" onClick={() => (setSelecting(!selecting), setSelected([]))}>
              {selecting ? '取消批量' : '批量处理'}
            </Text>
          ) : null}
        </View>
      ) : null}
      <PageState
        loading={queue.loading && !queue.applications}
        error={queue.applications ? null : queue.error}
        empty={queue.visible.length === 0}
        emptyText={filterCount(filters) ? '没有符合筛选条件的申报' : emptyTexts[stage]}
        onRetry={() => void queue.reload()}
      >
        {queue.visible.map((application) => (
          <ApplicationRow
            key={application._id}
            application={application}
            selecting={selecting}
            selected={batchable.includes(application) ? selected.includes(application._id) : undefined}
            onToggle={toggle}
            onOpen={(id) => void go('applicationDetail', { id, stage })}
          />
        ))}
        <LoadMore more={queue.more} loading={queue.loadingMore} onMore={queue.loadMore} />
      </PageState>

      {selecting ? (
        <View className="admin-bar">
          <View className="admin-bar__line">
            <Text className="admin-link" onClick={() => setSelected(allChosen ? [] : batchable.map((application) => application._id))}>
              {allChosen ? '全不选' : `全选可批量处理的 ${batchable.length} 条`}
            </Text>
            <Text>已选 {chosen.length} 条</Text>
          </View>
          <View className="admin-bar__buttons">
            {(offered.length ? offered : batchDecisions.filter((d) => batchable.some((a) => a.availableActions.includes(d)))).map(
              (decision) => (
                <Button
                  key={decision}
                  className="admin-bar__button"
                  type="primary"
                  disabled={chosen.length === 0 || batch.running !== null}
                  loading={batch.running === decision}
                  onClick={() => void runBatch(decision)}
                >
                  {actionTable[decision].label}
                  {chosen.length ? `（${chosen.filter((a) => a.availableActions.includes(decision)).length}）` : ''}
                </Button>
              ),
            )}
            {batchable.some((application) => application.availableActions.includes('startReview')) ? (
              <Button
                className="admin-bar__button"
                type="primary"
                disabled={toAssign.length === 0 || assignment.assigning}
                loading={assignment.assigning}
                onClick={assignment.start}
              >
                分配评审专家{toAssign.length ? `（${toAssign.length}）` : ''}
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      <BulkAssignDialog assignment={assignment} count={toAssign.length} />
      <BatchResultDialog
        title={assignment.results ? '分配评审专家：处理结果' : null}
        results={assignment.results ? assignmentOutcomes(assignment.results) : []}
        nameOf={(id) => names.get(id) ?? id}
        onClose={assignment.dismiss}
      />

      <BatchResultDialog
        title={batch.outcome ? `${actionTable[batch.outcome.decision].label}：处理结果` : null}
        results={batch.outcome?.job.outcomes ?? []}
        progress={progressText(batch.outcome?.job ?? null)}
        nameOf={(id) => names.get(id) ?? id}
        onClose={batch.dismiss}
      />
    </View>
  );
}
