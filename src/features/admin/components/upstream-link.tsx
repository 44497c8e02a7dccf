// The society programme's tie to its own application in the provincial call: linked, the application it serves and
// a way to unlink (asked first); not linked, its applications there to choose one from.
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DashboardView } from '@/core/schemas/actions';
import { useAction } from '@/features/common/use-action';
import { linkProgram } from '../api/programs';
import { confirm } from '@/lib/feedback';
import { settle } from '../hooks/use-decision';
import { Section } from '@/components/section';

type Upstream = DashboardView['upstreamChoices'][number];

function UpstreamLine({ upstream }: { upstream: Upstream }) {
  return (
    <View className="admin-list__main">
      <Text className="admin-list__name">{upstream.programName}</Text>
      <Text className="admin-list__sub">
        {upstream.projectName} · {upstream.statusLabel}
      </Text>
    </View>
  );
}

export function UpstreamLink({ dashboard, onChanged }: { dashboard: DashboardView; onChanged: () => unknown }) {
  const { upstream, upstreamChoices, program } = dashboard;
  const [chosen, setChosen] = useState<string | null>(null);
  const saving = useAction();
  if (!upstream && upstreamChoices.length === 0) return null;
  const selected = chosen ?? upstreamChoices[0]?.applicationId ?? null;

  async function link(applicationId: string | null) {
    // On a refusal settle showed the message.
    await saving.run(() =>
      settle(
        () => linkProgram({ programId: program.id, version: program.version, applicationId }),
        applicationId ? '已关联' : '已解除关联',
        onChanged,
      ),
    );
  }

  if (upstream) {
    return (
      <Section title="省级申报">
        <View className="admin-list__row">
          <UpstreamLine upstream={upstream} />
          <Tag type="success">已关联</Tag>
        </View>
        <Text className="admin-form__note">本项目各指标的已核实数量和学会填报的数值，实时计入该申报对省科协的承诺。</Text>
        <Button
          size="small"
          fill="outline"
          loading={saving.busy}
          onClick={async () => {
            if (await confirm('解除关联', '解除后，本项目的完成情况不再计入省级申报的承诺，可随时重新关联。', '解除关联')) await link(null);
          }}
        >
          解除关联
        </Button>
      </Section>
    );
  }
  return (
    <Section title="省级申报" extra="未关联">
      <Text className="admin-form__note">关联学会在省科协项目中的申报后，各指标按学会的承诺目标衡量，完成情况同步到省科协看板。</Text>
      {upstreamChoices.map((choice) => (
        <View
          key={choice.applicationId}
          className={`admin-list__row admin-choice${choice.applicationId === selected ? ' admin-choice--on' : ''}`}
          onClick={() => setChosen(choice.applicationId)}
        >
          <UpstreamLine upstream={choice} />
          {choice.applicationId === selected ? <Tag type="primary">已选</Tag> : null}
        </View>
      ))}
      <Button type="primary" block loading={saving.busy} disabled={!selected} onClick={() => selected && void link(selected)}>
        关联省级申报
      </Button>
    </Section>
  );
}
