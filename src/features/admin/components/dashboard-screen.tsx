// 指标看板: where the programme stands against its quota, its money and each indicator's goal; on the society's
// board its tie to its provincial application, on the province's board each funded society side by side.
import { View } from '@tarojs/components';
import { ExportButton } from '@/components/export-button';
import { PageState } from '@/components/page-state';
import { ProgramNotes, ProgramProcess } from '@/components/program-info';
import { go } from '@/lib/navigation';
import { useDashboard } from '../hooks/use-dashboard';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { DashboardSummary } from './dashboard-summary';
import { IndicatorBoard } from './indicator-board';
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
      <ExportButton
        action="export.awardLedger"
        input={{ programId: data.program.id }}
        label="下载奖补台账（Excel）"
        hint="奖补台账含每个通过形式审查的项目的奖补、拨付、指标完成情况，以及评审汇总表。"
      />
      <ExportButton
        action="export.selfAssessment"
        input={{ programId: data.program.id }}
        label="下载绩效自评报告（Word）"
        hint="绩效自评报告按指标列出目标值、省级最低要求、已核实完成数和佐证材料份数。"
      />
      <ExportButton
        action="export.evidencePack"
        input={{ programId: data.program.id }}
        label="下载佐证材料包（ZIP）"
        hint="佐证材料包按“指标 / 项目 / 文件”整理已核实认领的全部佐证文件，并附清单。"
      />
    </View>
  );
}
