// The form's text sections (实施方案, 项目目标…): one text area each, with a live count against its limit.
import { TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { FormSection } from '@/core/program/program-schema';
import type { SectionCount } from '../application-form';

interface TextSectionsProps {
  sections: readonly FormSection[];
  values: Record<string, string>;
  counts: Record<string, SectionCount>;
  onChange: (sectionKey: string, text: string) => void;
}

export function TextSections({ sections, values, counts, onChange }: TextSectionsProps) {
  return (
    <>
      {sections.map((section) => {
        const count = counts[section.key] ?? { chars: 0, over: false };
        return (
          <View key={section.key} className="apply-section">
            <View className="apply-section__title">
              {section.title}
              {section.required ? '' : '（选填）'}
            </View>
            {section.hint ? <View className="apply-hint">{section.hint}</View> : null}
            <TextArea
              className={`apply-textarea${count.over ? ' apply-textarea--over' : ''}`}
              value={values[section.key] ?? ''}
              maxLength={-1}
              rows={8}
              autoSize
              status={count.over ? 'error' : 'default'}
              placeholder={`请填写${section.title}`}
              onChange={(text: string) => onChange(section.key, text)}
            />
            <View className={`apply-counter${count.over ? ' apply-counter--over' : ''}`}>
              {count.chars} / {section.maxChars}
              {count.over ? '（超出字数，不能保存）' : ''}
            </View>
          </View>
        );
      })}
    </>
  );
}
