// 切换身份: one person may act in several roles (a society's secretary who is also a unit's contact). The
// chosen role travels with every call; choosing another reloads what the home screen shows.
import { useState } from 'react';
import { View } from '@tarojs/components';
import type { RoleChoice } from '@/core/schemas/actions';
import { roleLabels } from '@/core/schemas/labels';
import { actingRole } from '@/lib/session';

interface RoleSwitcherProps {
  roles: readonly RoleChoice[];
  /** The userId of the role the server is acting in now. */
  actingUserId: string;
  onSwitched(): void;
}

function roleChoiceLabel(choice: RoleChoice): string {
  return `${roleLabels[choice.role]} · ${choice.orgName}`;
}

export function RoleSwitcher({ roles, actingUserId, onSwitched }: RoleSwitcherProps) {
  const [open, setOpen] = useState(false);
  if (roles.length < 2) return null;

  const choose = (choice: RoleChoice) => {
    setOpen(false);
    if (choice.userId === actingUserId) return;
    actingRole.set(choice.userId);
    onSwitched();
  };

  return (
    <View className="role-switcher">
      <View className="role-switcher__head" onClick={() => setOpen(!open)}>
        <View className="role-switcher__title">您有 {roles.length} 个身份</View>
        <View className="role-switcher__toggle">{open ? '收起' : '切换身份'}</View>
      </View>
      {open
        ? roles.map((choice) => (
            <View
              key={choice.userId}
              className={`role-switcher__choice${choice.userId === actingUserId ? ' role-switcher__choice--current' : ''}`}
              onClick={() => choose(choice)}
            >
              <View className="role-switcher__label">{roleChoiceLabel(choice)}</View>
              <View className="role-switcher__mark">{choice.userId === actingUserId ? '当前' : '切换'}</View>
            </View>
          ))
        : null}
    </View>
  );
}
