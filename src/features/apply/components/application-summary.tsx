// The application as submitted: read-only, for the statuses the applicant can no longer edit.
import { View } from '@tarojs/components';
import { formatYuan } from '@/core/money';
import { indicatorByKey, type Program } from '@/core/program/program-schema';
import type { ApplicationView } from '@/core/schemas/actions';

interface ApplicationSummaryProps {
  application: ApplicationView;
  program: Pick<Program, 'indicators' | 'awardAmountFen'>;
}

export function ApplicationSummary({ application, program }: ApplicationSummaryProps) {
  return (
    <View>
      <View className="apply-section">
        <View className="apply-section__title">项目名称</View>
        <View className="apply-readonly">{application.projectName || '（未命名项目）'}</View>
      </View>
      <View className="apply-section">
        <View className="apply-section__title">实施方案</View>
        <View className="apply-readonly apply-readonly--long">{application.plan || '（未填写）'}</View>
      </View>
      <View className="apply-section">
        <View className="apply-section__title">经费预算</View>
        {application.budget.map((line, index) => (
          <View key={`${index}-${line.item}`} className="apply-line">
            <View className="apply-line__main">
              <View>{line.item}</View>
              <View className="apply-line__amount">{formatYuan(line.amountFen)}</View>
            </View>
            {line.basis ? <View className="apply-line__note">{line.basis}</View> : null}
          </View>
        ))}
        <View className="apply-total">
          合计 {formatYuan(application.budgetTotalFen)} / 上限 {formatYuan(program.awardAmountFen)}
        </View>
      </View>
      <View className="apply-section">
        <View className="apply-section__title">指标承诺</View>
        {application.commitments.map((commitment) => {
          const indicator = indicatorByKey(program, commitment.indicatorKey);
          return (
            <View key={commitment.indicatorKey} className="apply-line">
              <View className="apply-line__main">
                <View>{indicator?.name ?? commitment.indicatorKey}</View>
                <View className="apply-line__amount">
                  {commitment.amount} {indicator?.unit ?? ''}
                </View>
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}
