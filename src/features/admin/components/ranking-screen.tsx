// 评审排名: per category, the applications by mean score, with spread, range and outlying reviewers; the
// secretariat shortlists (列入拟立项) or declines (不予入选) row by row, and the server keeps the quota.
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { RankingRowView, StaffDecision } from '@/core/schemas/actions';
import { actionTable } from '@/core/workflow/award-workflow';
import { LoadMore } from '@/components/load-more';
import { PageState } from '@/components/page-state';
import { Section } from '@/components/section';
import { StatusTag } from '@/components/status-tag';
import { go } from '@/lib/navigation';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { useDecision } from '../hooks/use-decision';
import { useRanking, type RankedCategory } from '../hooks/use-ranking';
import { statusAllows } from '../staff-actions';
import { ReasonDialog } from './reason-dialog';
import '../admin.css';

const rowDecisions = ['shortlist', 'decline', 'unshortlist'] as const satisfies readonly StaffDecision[];

function RankingRow({ row, onChanged }: { row: RankingRowView; onChanged: () => unknown }) {
  const { deciding, decide } = useDecision({ _id: row.applicationId, version: row.version }, onChanged);
  const [asking, setAsking] = useState<StaffDecision | null>(null);
  const offered = rowDecisions.filter((decision) => statusAllows(row.status, decision));
  const incomplete = row.submitted < row.assigned;

  return (
    <View className="admin-rank">
      <View className="admin-rank__head" onClick={() => void go('applicationDetail', { id: row.applicationId, stage: 'review' })}>
        <Text className="admin-rank__no">{row.rank ?? '—'}</Text>
        <View className="admin-list__main">
          <Text className="admin-list__name">{row.projectName}</Text>
          <Text className="admin-list__sub">{row.orgName}</Text>
        </View>
        <Text className="admin-rank__mean">{row.mean ?? '—'}</Text>
      </View>
      <View className="admin-rank__stats">
        <Text>标准差 {row.spread ?? '—'}</Text>
        <Text>{row.min !== null ? `区间 ${row.min}–${row.max}` : '区间 —'}</Text>
        <Text className={incomplete ? 'admin-rank__warn' : ''}>
          已评 {row.submitted}/{row.assigned}
        </Text>
        <StatusTag status={row.status} label={row.statusLabel} />
      </View>
      {row.outliers.length > 0 ? <Text className="admin-rank__outliers">偏离较大：{row.outliers.join('、')}</Text> : null}
      {offered.length > 0 ? (
        <View className="admin-claim__actions">
          {offered.map((decision) =>
            actionTable[decision].reasonRequired ? (
              <Button
                key={decision}
                size="small"
                type="warning"
                fill="outline"
                disabled={deciding !== null}
                onClick={() => setAsking(decision)}
              >
                {actionTable[decision].label}
              </Button>
            ) : (
              <Button
                key={decision}
                size="small"
                type="primary"
                disabled={deciding !== null}
                loading={deciding === decision}
                onClick={() => void decide(decision).catch(() => undefined)}
              >
                {actionTable[decision].label}
              </Button>
            ),
          )}
        </View>
      ) : null}
      <ReasonDialog
        visible={asking !== null}
        title={asking ? actionTable[asking].label : ''}
        confirmText="确认"
        required
        description={`「${row.projectName}」：请写明理由，申报单位将看到此理由。`}
        onConfirm={async (reason) => {
          if (asking) await decide(asking, reason);
          setAsking(null);
        }}
        onClose={() => setAsking(null)}
      />
    </View>
  );
}

interface CategoryBlockProps {
  category: RankedCategory;
  onChanged: () => unknown;
  loadingMore: boolean;
  onMore: (category: RankedCategory) => unknown;
  /** The last block on the screen: scrolling to the bottom loads its next page. */
  last: boolean;
}

function CategoryBlock({ category, onChanged, loadingMore, onMore, last }: CategoryBlockProps) {
  const full = category.quotaMax !== null && category.shortlisted + category.granted >= category.quotaMax;
  return (
    <Section
      title={category.name}
      extra={
        <Tag type={full ? 'warning' : 'default'}>
          拟立项 {category.shortlisted}
          {category.granted ? ` · 已立项 ${category.granted}` : ''} / 名额 {category.quotaMax ?? '不限'}
        </Tag>
      }
    >
      {category.rows.length === 0 ? (
        <Text className="admin-muted">本类别暂无进入评审的申报</Text>
      ) : (
        category.rows.map((row) => <RankingRow key={row.applicationId} row={row} onChanged={onChanged} />)
      )}
      {category.nextCursor ? <LoadMore more loading={loadingMore} onMore={() => onMore(category)} onBottom={last} /> : null}
    </Section>
  );
}

export function RankingScreen({ programId }: { programId?: string }) {
  const ranking = useRanking(programId);
  useReloadOnShow(ranking.reload);
  const { categories } = ranking;
  return (
    <View className="admin-page">
      <View className="admin-queue__hint">
        <Text>按平均分排名；点项目看评审详情</Text>
        {ranking.data ? (
          <Text className="admin-link" onClick={() => void go('publicity', { programId: ranking.data!.programId })}>
            公示管理 ›
          </Text>
        ) : null}
      </View>
      <PageState
        loading={ranking.loading && !ranking.data}
        error={ranking.data ? null : ranking.error}
        empty={categories.every((category) => category.rows.length === 0)}
        emptyText="暂无进入专家评审的申报"
        onRetry={() => void ranking.reload()}
      >
        {ranking.moreError ? <Text className="admin-rank__warn">{ranking.moreError}</Text> : null}
        {categories.map((category, index) => (
          <CategoryBlock
            key={category.key}
            last={index === categories.length - 1}
            category={category}
            onChanged={ranking.reload}
            loadingMore={ranking.loadingMore === category.key}
            onMore={ranking.loadMore}
          />
        ))}
      </PageState>
    </View>
  );
}
