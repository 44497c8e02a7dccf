// 首次设置: once per environment, whoever holds the deploy's setup code becomes the first secretariat member
// of a new organiser (学会 or 科协); everyone else joins by invitation from there.
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { orgKindLabels } from '@/core/schemas/labels';
import { claimSetup } from '../api/invitations';
import { showSuccess } from '@/lib/feedback';
import { restart } from '@/lib/navigation';
import { actingRole, needsSignIn } from '@/lib/session';
import { useAction } from '@/features/common/use-action';
import { NewUserOffer } from './new-user-offer';
import '../join.css';

type OrganiserKind = 'society' | 'association';
const organiserKinds: readonly OrganiserKind[] = ['society', 'association'];

interface SetupDraft {
  code: string;
  organiserName: string;
  organiserKind: OrganiserKind;
  personName: string;
  phone: string;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="join-field">
      <Text className="join-field__label">{label}</Text>
      {children}
    </View>
  );
}

type TextKey = Exclude<keyof SetupDraft, 'organiserKind'>;

interface TextFieldProps {
  label: string;
  field: TextKey;
  draft: SetupDraft;
  maxlength: number;
  placeholder: string;
  onChange: (patch: Partial<SetupDraft>) => void;
}

function TextField({ label, field, draft, maxlength, placeholder, onChange }: TextFieldProps) {
  return (
    <Field label={label}>
      <Input
        className="join-input"
        value={draft[field]}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(event) => onChange({ [field]: event.detail.value })}
      />
    </Field>
  );
}

function SetupForm() {
  const [draft, setDraft] = useState<SetupDraft>({ code: '', organiserName: '', organiserKind: 'society', personName: '', phone: '' });
  const set = (patch: Partial<SetupDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const claim = useAction();
  const ready = draft.code.trim() && draft.organiserName.trim() && draft.personName.trim();

  const submit = async () => {
    const session = await claim.run(() =>
      claimSetup({
        code: draft.code.trim(),
        organiserName: draft.organiserName.trim(),
        organiserKind: draft.organiserKind,
        personName: draft.personName.trim(),
        ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
      }),
    );
    if (!session) return;
    actingRole.set(session.user.id);
    showSuccess('设置完成');
    await restart('home');
  };

  return (
    <View>
      <View className="join-card">
        <View className="join-card__text">
          部署时生成的设置码只能使用一次：使用后，您即成为该组织的第一位秘书处成员，其他人员由秘书处邀请加入。
        </View>
        <TextField label="设置码" field="code" draft={draft} maxlength={64} placeholder="部署时生成的设置码" onChange={set} />
        <Field label="组织类型">
          <View className="join-choices">
            {organiserKinds.map((kind) => (
              <View
                key={kind}
                className={`join-choice${draft.organiserKind === kind ? ' join-choice--on' : ''}`}
                role="radio"
                aria-checked={draft.organiserKind === kind}
                onClick={() => set({ organiserKind: kind })}
              >
                {orgKindLabels[kind]}
              </View>
            ))}
          </View>
        </Field>
        <TextField label="组织名称" field="organiserName" draft={draft} maxlength={80} placeholder="如 四川省土木建筑学会" onChange={set} />
        <TextField label="您的姓名" field="personName" draft={draft} maxlength={40} placeholder="姓名" onChange={set} />
        <TextField label="手机号（选填）" field="phone" draft={draft} maxlength={20} placeholder="手机号" onChange={set} />
      </View>
      {claim.error ? <View className="home-error">{claim.error}</View> : null}
      <View className="join-actions">
        <Button type="primary" size="large" block disabled={!ready} loading={claim.busy} onClick={() => void submit()}>
          完成设置
        </Button>
      </View>
    </View>
  );
}

export function SetupScreen() {
  const [identified, setIdentified] = useState(() => !needsSignIn());
  return (
    <View className="page home-page join-page">
      <View className="home-title">首次设置（管理员）</View>
      {identified ? <SetupForm /> : <NewUserOffer onReady={() => setIdentified(true)} />}
    </View>
  );
}
