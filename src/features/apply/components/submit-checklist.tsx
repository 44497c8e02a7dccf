// 提交前检查: what is still missing (the core rule) and what the server would refuse now (eligibility,
// limits), shown before the tap rather than after it.
import { View } from '@tarojs/components';

interface SubmitChecklistProps {
  missing: readonly string[];
  blocking: readonly string[];
  /** From the server, for the saved content. */
  submitIssues: readonly string[];
}

export function SubmitChecklist({ missing, blocking, submitIssues }: SubmitChecklistProps) {
  const ready = missing.length === 0 && blocking.length === 0 && submitIssues.length === 0;
  return (
    <View className={`apply-section apply-checklist${ready ? ' apply-checklist--ready' : ''}`}>
      <View className="apply-section__title">提交前检查</View>
      {ready ? <View className="apply-checklist__item apply-checklist__item--ok">✓ 已填写完整，可以提交</View> : null}
      {blocking.map((item) => (
        <View key={`b-${item}`} className="apply-checklist__item apply-checklist__item--bad">
          ✗ {item}
        </View>
      ))}
      {missing.map((item) => (
        <View key={`m-${item}`} className="apply-checklist__item">
          ○ 未填写：{item}
        </View>
      ))}
      {submitIssues.map((item) => (
        <View key={`s-${item}`} className="apply-checklist__item apply-checklist__item--bad">
          ✗ {item}
        </View>
      ))}
    </View>
  );
}
