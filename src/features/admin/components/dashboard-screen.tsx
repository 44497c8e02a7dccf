// 指标看板: where the programme stands against its quota, its money and each indicator's goal; on the society's
// board its tie to its provincial application, on the province's board each funded society side by side.
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { ProgramNotes, ProgramProcess } from '@/components/program-info';
import { go } from '@/lib/navigation';
import { useDashboard } from '../hooks/use-dashboard';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { DashboardSummary } from './dashboard-summary';
import { IndicatorBoard } from './indicator-board';
import { LedgerDownload } from './ledger-download';
import { SocietiesList } from './societies-board';
import { UpstreamLink } from './upstream-link';
import '../admin.css';
import '../indicator.css';

export function DashboardScreen({ programId }: { programId?: string }) {
  const dashboard = useDashboard(programId);
  useReloadOnShow(dashboard.reload);
  const data = dashboard.data;
  if (!data) return <PageState loading={dashboard.loading} error={dashboard.error} onRetry={() => void dashboard.reload()} />;
  const open = (indicatorKey: string, extra: Record<string, string> = {}) =>
    void go('indicator', { programId: data.program.id, indicatorKey, ...extra });
  return (
    <View className="admin-page">
      <DashboardSummary dashboard={data} onOpenStage={(stage) => void go('queue', { programId: data.program.id, stage })} />
      <UpstreamLink dashboard={data} onChanged={dashboard.reload} />
      <ProgramNotes program={data.programView} />
      <ProgramProcess program={data.programView} />
      <SocietiesList societies={data.societies} />
      <IndicatorBoard
        rows={data.rows}
        societies={data.societies}
        provincial={data.programView.form.commitTargets === true}
        onOpen={(key) => open(key)}
        onRecord={(key) => open(key, { record: '1' })}
      />
      <LedgerDownload programId={data.program.id} />
    </View>
  );
}
