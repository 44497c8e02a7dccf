// 中期报告 / 结项报告 / 整改报告: the summary, the figures reported and the evidence photos.
import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { reportTitles } from '@/core/kpi/report-ledger';
import type { Program } from '@/core/program/program-schema';
import { indicatorByKey } from '@/core/program/program-rules';
import type { ApplicationView } from '@/core/schemas/actions';
import type { FileLinks } from '../hooks/use-file-links';
import { EvidencePhotos } from './claim-list';
import { formatIndicatorValue } from './indicator-value';
import { Section } from '@/components/section';

export const reportKinds = ['midterm', 'final', 'rectification'] as const;

export function reportFileIds(application: ApplicationView): string[] {
  return reportKinds.flatMap((kind) => application.reports[kind]?.fileIds ?? []);
}

export function ReportList({
  application,
  program,
  links,
}: {
  application: ApplicationView;
  program: Pick<Program, 'indicators'>;
  links: FileLinks;
}) {
  return (
    <>
      {reportKinds.map((kind) => {
        const report = application.reports[kind];
        if (!report) return null;
        return (
          <Section key={kind} title={reportTitles[kind]} extra={`提交于 ${formatShanghaiDateTime(report.submittedAt)}`}>
            <Text className="admin-plan">{report.summary}</Text>
            {report.achievements.length > 0 ? (
              <View className="admin-list admin-list--spaced">
                {report.achievements.map((achievement) => {
                  const indicator = indicatorByKey(program, achievement.indicatorKey);
                  return (
                    <View className="admin-list__row" key={achievement.indicatorKey}>
                      <Text className="admin-list__name">{indicator?.name ?? achievement.indicatorKey}</Text>
                      <Text className="admin-list__value">
                        {formatIndicatorValue(indicator?.kind ?? 'count', indicator?.unit ?? '', achievement.amount)}
                      </Text>
                    </View>
                  );
                })}
              </View>
            ) : null}
            {report.claimIds.length > 0 ? (
              <Text className="admin-muted">以上数量已转为成果填报，在下方“指标完成情况”中逐项核实后计入指标。</Text>
            ) : null}
            <EvidencePhotos fileIds={report.fileIds} links={links} />
          </Section>
        );
      })}
    </>
  );
}
