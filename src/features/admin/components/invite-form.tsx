// 邀请: the secretariat names a person, their role and unit, and how long the invitation stays valid.
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { InvitationView } from '@/core/schemas/actions';
import type { Role } from '@/core/schemas/common';
import { createInvitation } from '../api/people';
import { newRequestId } from '@/lib/drafts';
import { personRoleLabels } from '@/features/common/person-roles';
import { useAction } from '@/features/common/use-action';
import { UnitChooser, type UnitChoice } from './unit-chooser';

const inviteRoles: readonly Role[] = ['applicant', 'reviewer', 'secretariat'];
const validDayChoices = [3, 7, 14, 30] as const;

interface InviteFormProps {
  /** The organiser itself: a secretariat member's unit, and one an expert may work for. */
  organiser: UnitChoice;
  units: readonly UnitChoice[];
  onCreated: (invitation: InvitationView) => void;
}

/** Who may be chosen as the unit of a role: a contact's unit, an expert's employer; a secretariat member is the organiser's. */
export function unitsFor(role: Role, organiser: UnitChoice, units: readonly UnitChoice[]): readonly UnitChoice[] {
  if (role === 'secretariat') return [organiser];
  if (role === 'reviewer') return [{ ...organiser, note: '本会' }, ...units];
  return units;
}

export function InviteForm({ organiser, units, onCreated }: InviteFormProps) {
  const [role, setRole] = useState<Role>('applicant');
  const [orgId, setOrgId] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [validDays, setValidDays] = useState<number>(7);
  // One request id per invitation, so a retried tap after a lost answer creates it once.
  const [requestId, setRequestId] = useState(newRequestId);
  const create = useAction();
  const choices = unitsFor(role, organiser, units);
  const unit = role === 'secretariat' ? organiser.id : choices.some((choice) => choice.id === orgId) ? orgId : '';

  async function submit() {
    const invitation = await create.run(() =>
      createInvitation({
        requestId,
        role,
        orgId: unit,
        name: name.trim(),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        validDays,
      }),
    );
    if (!invitation) return;
    setRequestId(newRequestId());
    setName('');
    setPhone('');
    onCreated(invitation);
  }

  return (
    <View className="admin-form">
      <Text className="admin-form__label">身份</Text>
      <View className="admin-chips admin-kinds">
        {inviteRoles.map((choice) => (
          <Text
            key={choice}
            className={`admin-chips__chip${role === choice ? ' admin-chips__chip--on' : ''}`}
            onClick={() => setRole(choice)}
          >
            {personRoleLabels[choice]}
          </Text>
        ))}
      </View>
      {role === 'secretariat' ? null : (
        <>
          <Text className="admin-form__label">{role === 'reviewer' ? '工作单位（本单位的申报将自动回避）' : '所在单位'}</Text>
          <UnitChooser units={choices} value={unit} onChange={setOrgId} />
        </>
      )}
      <Text className="admin-form__label">姓名</Text>
      <Input
        className="admin-form__input"
        value={name}
        maxlength={40}
        placeholder="被邀请人姓名"
        onInput={(event) => setName(event.detail.value)}
      />
      <Text className="admin-form__label">手机号（选填）</Text>
      <Input
        className="admin-form__input"
        value={phone}
        maxlength={20}
        placeholder="被邀请人手机号"
        onInput={(event) => setPhone(event.detail.value)}
      />
      <Text className="admin-form__label">有效期</Text>
      <View className="admin-chips admin-kinds">
        {validDayChoices.map((days) => (
          <Text
            key={days}
            className={`admin-chips__chip${validDays === days ? ' admin-chips__chip--on' : ''}`}
            onClick={() => setValidDays(days)}
          >
            {days} 天
          </Text>
        ))}
      </View>
      {create.error ? <Text className="admin-dialog__hint">{create.error}</Text> : null}
      <View className="admin-claim__actions">
        <Button type="primary" disabled={!unit || !name.trim()} loading={create.busy} onClick={() => void submit()}>
          生成邀请
        </Button>
      </View>
    </View>
  );
}
