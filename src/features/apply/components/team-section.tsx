// 项目成员: name, age, title, employer and task of each member of the project team.
import { Button, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { TeamMemberDraft } from '../application-form';

interface TeamSectionProps {
  members: readonly TeamMemberDraft[];
  errors: Record<string, string>;
  required: boolean;
  maxRows: number;
  onAdd: () => void;
  onRemove: (rowId: string) => void;
  onChange: (rowId: string, patch: Partial<Omit<TeamMemberDraft, 'rowId'>>) => void;
}

export function TeamSection({ members, errors, required, maxRows, onAdd, onRemove, onChange }: TeamSectionProps) {
  return (
    <View className="apply-section">
      <View className="apply-section__title">项目成员{required ? '' : '（选填）'}</View>
      {members.map((member, index) => (
        <View key={member.rowId} className={`apply-row${errors[member.rowId] ? ' apply-row--error' : ''}`}>
          <View className="apply-row__head">
            <View className="apply-row__index">成员 {index + 1}</View>
            <View className="apply-row__remove" onClick={() => onRemove(member.rowId)}>
              删除
            </View>
          </View>
          <View className="apply-field-pair">
            <View className="apply-field">
              <View className="apply-field__label">姓名</View>
              <Input className="apply-input" value={member.name} placeholder="姓名" onChange={(name) => onChange(member.rowId, { name })} />
            </View>
            <View className="apply-field apply-field--amount">
              <View className="apply-field__label">年龄</View>
              <Input
                className="apply-input"
                type="number"
                value={member.ageText}
                placeholder="选填"
                onChange={(ageText) => onChange(member.rowId, { ageText })}
              />
            </View>
          </View>
          <View className="apply-field">
            <View className="apply-field__label">职称/职务</View>
            <Input
              className="apply-input"
              value={member.title}
              placeholder="如：高级工程师"
              onChange={(title) => onChange(member.rowId, { title })}
            />
          </View>
          <View className="apply-field">
            <View className="apply-field__label">工作单位</View>
            <Input
              className="apply-input"
              value={member.employer}
              placeholder="工作单位"
              onChange={(employer) => onChange(member.rowId, { employer })}
            />
          </View>
          <View className="apply-field">
            <View className="apply-field__label">项目分工</View>
            <Input
              className="apply-input"
              value={member.task}
              placeholder="在项目中承担的工作"
              onChange={(task) => onChange(member.rowId, { task })}
            />
          </View>
          {errors[member.rowId] ? <View className="apply-row__error">{errors[member.rowId]}</View> : null}
        </View>
      ))}
      {members.length < maxRows ? (
        <Button className="apply-add" fill="outline" type="primary" block onClick={onAdd}>
          添加成员
        </Button>
      ) : (
        <View className="apply-hint">项目成员最多 {maxRows} 人</View>
      )}
    </View>
  );
}
