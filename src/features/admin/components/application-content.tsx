// The application as filed: the form's sections, budget, schedule, team, attachments, commitments, declaration.
import { Text, View } from '@tarojs/components';
import { Collapsible } from '@/components/program-info';
import { formatDaySpan } from '@/core/calendar/shanghai';
import { categoryByKey } from '@/core/program/program-rules';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import { BudgetTable } from './budget-table';
import { CommitmentList } from './commitment-list';
import { Section } from '@/components/section';
import '../admin.css';

interface ContentProps {
  application: ApplicationView;
  program: ProgramView;
  onOpenAttachment: (fileId: string, name: string) => void;
}

function ScheduleTable({ rows }: { rows: ApplicationView['schedule'] }) {
  if (rows.length === 0) return <Text className="admin-muted">未填写进度安排</Text>;
  return (
    <View className="admin-list">
      {rows.map((row, index) => (
        <View className="admin-list__row admin-list__row--block" key={`${index}-${row.phase}`}>
          <View className="admin-list__main">
            <Text className="admin-list__name">{row.phase}</Text>
            <Text className="admin-list__sub">
              {formatDaySpan(row.startsOn, row.endsOn)}
              {row.owner ? ` · 负责人 ${row.owner}` : ''}
            </Text>
            <Text className="admin-list__text">{row.work}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

function TeamList({ members }: { members: ApplicationView['team'] }) {
  if (members.length === 0) return <Text className="admin-muted">未填写团队成员</Text>;
  return (
    <View className="admin-list">
      {members.map((member, index) => (
        <View className="admin-list__row admin-list__row--block" key={`${index}-${member.name}`}>
          <View className="admin-list__main">
            <Text className="admin-list__name">
              {member.name}
              {member.age !== null ? `，${member.age} 岁` : ''}
              {member.title ? `，${member.title}` : ''}
            </Text>
            {member.employer ? <Text className="admin-list__sub">{member.employer}</Text> : null}
            {member.task ? <Text className="admin-list__text">分工：{member.task}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

export function ApplicationContent({ application, program, onOpenAttachment }: ContentProps) {
  const form = program.form;
  const attachmentName = (key: string) => form.attachments.find((attachment) => attachment.key === key)?.name ?? key;
  const category = categoryByKey(program, application.categoryKey);
  return (
    <>
      {category?.description ? (
        <Section title="申报类别" extra={application.categoryName}>
          <Collapsible title="类别说明">{category.description}</Collapsible>
        </Section>
      ) : null}
      {form.sections.map((section) => {
        const text = application.sections[section.key] ?? '';
        return (
          <Section key={section.key} title={section.title} extra={`${text.length}/${section.maxChars} 字`}>
            <Text className="admin-plan">{text || '未填写'}</Text>
          </Section>
        );
      })}
      <Section title="经费预算" extra={`${application.budget.length} 项`}>
        <BudgetTable lines={application.budget} totalFen={application.budgetTotalFen} />
      </Section>
      {form.schedule ? (
        <Section title="进度安排" extra={`${application.schedule.length} 项`}>
          <ScheduleTable rows={application.schedule} />
        </Section>
      ) : null}
      {form.team ? (
        <Section title="项目团队" extra={`${application.team.length} 人`}>
          <TeamList members={application.team} />
        </Section>
      ) : null}
      {form.attachments.length > 0 || application.attachments.length > 0 ? (
        <Section title="附件" extra={`${application.attachments.length} 个`}>
          {application.attachments.length === 0 ? (
            <Text className="admin-muted">未上传附件</Text>
          ) : (
            <View className="admin-list">
              {application.attachments.map((attachment) => (
                <View
                  className="admin-list__row"
                  key={attachment.fileId}
                  onClick={() => onOpenAttachment(attachment.fileId, attachment.name)}
                >
                  <View className="admin-list__main">
                    <Text className="admin-list__name">{attachment.name}</Text>
                    <Text className="admin-list__sub">{attachmentName(attachment.key)}</Text>
                  </View>
                  <Text className="admin-link">查看 ›</Text>
                </View>
              ))}
            </View>
          )}
        </Section>
      ) : null}
      {form.indicatorCommitments ? (
        <Section title="指标承诺" extra={`${application.commitments.length} 项`}>
          <CommitmentList commitments={application.commitments} program={program} />
        </Section>
      ) : null}
      {form.commitment ? (
        <Section title="申报单位承诺">
          <Text className="admin-plan">{form.commitment.text}</Text>
          <Text className={application.declaration ? 'admin-signed' : 'admin-muted'}>
            {application.declaration ? `已确认，签名人：${application.declaration.signerName}` : '尚未签署'}
          </Text>
        </Section>
      ) : null}
    </>
  );
}
