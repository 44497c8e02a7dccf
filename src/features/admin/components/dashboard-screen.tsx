// 指标看板: where the programme stands against its quota, its money and each indicator's target.
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { ProgramNotes, ProgramProcess } from '@/components/program-info';
import { go } from '@/lib/navigation';
import { useDashboard } from '../hooks/use-dashboard';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { DashboardSummary } from './dashboard-summary';
import { IndicatorBoard } from './indicator-board';
import { LedgerDownload } from './ledger-download';
import '../admin.css';

export function DashboardScreen({ programId }: { programId?: string }) {
  const dashboard = useDashboard(programId);
  useReloadOnShow(dashboard.reload);
  const data = dashboard.data;
  if (!data) return <PageState loading={dashboard.loading} error={dashboard.error} onRetry={() => void dashboard.reload()} />;
  return (
    <View className="admin-page">
      <DashboardSummary dashboard={data} onOpenStage={(stage) => void go('queue', { programId: data.program.id, stage })} />
      <ProgramNotes program={data.programView} />
      <ProgramProcess program={data.programView} />
      <IndicatorBoard rows={data.rows} />
      <LedgerDownload programId={data.program.id} />
    </View>
  );
}
