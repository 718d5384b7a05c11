import {
  ArrayInput,
  BooleanInput,
  Edit,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useRecordContext,
} from 'react-admin';

import { type Role } from '@admin/access/permissions';
import { sessionStore } from '@admin/session';
import { roleChoices } from '@admin/users/roleChoices';
import { type ConsoleUser } from '@admin/users/types';
import { passwordLength } from '@admin/users/validators';

interface UserEditValues {
  version: number;
  displayName: string;
  disabled: boolean;
  password?: string | null;
  currentPassword?: string | null;
  memberships: { channelId: string; role: Role }[];
}

/**
 * `PUT /api/users/:id`: the editable fields plus `version`; an empty password keeps the old one.
 * Name and disabled are sent as they are: the API only counts real changes, so an admin who may
 * not change them (the user is also in channels they do not run) can still edit the roles.
 */
export function toUpdateUser(values: UserEditValues) {
  return {
    version: values.version,
    displayName: values.displayName.trim(),
    disabled: values.disabled,
    memberships: values.memberships.map(({ channelId, role }) => ({ channelId, role })),
    ...(values.password ? { password: values.password } : {}),
    ...(values.password && values.currentPassword
      ? { currentPassword: values.currentPassword }
      : {}),
  };
}

/** Changing one's own password asks for the current one; other users' resets do not. */
function CurrentPasswordInput() {
  const record = useRecordContext<ConsoleUser>();
  if (!record || record.id !== sessionStore.get()?.user.id) {
    return null;
  }
  return <PasswordInput source="currentPassword" helperText="app.users.current_password_hint" />;
}

/** Channels the signed-in admin administers: the ones whose roles they may change. */
function administeredChannels() {
  return (sessionStore.get()?.user.channels ?? [])
    .filter((channel) => channel.role === 'admin')
    .map((channel) => ({ id: channel.id, name: channel.name }));
}

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toUpdateUser} redirect="list">
      <SimpleForm noValidate>
        <TextInput source="email" readOnly />
        <TextInput source="displayName" validate={required()} />
        <BooleanInput source="disabled" />
        <PasswordInput
          source="password"
          helperText="app.users.password_hint"
          validate={passwordLength}
        />
        <CurrentPasswordInput />
        <ArrayInput source="memberships">
          <SimpleFormIterator inline disableReordering>
            <SelectInput
              source="channelId"
              label="resources.users.fields.channelId"
              choices={administeredChannels()}
              translateChoice={false}
              validate={required()}
            />
            <SelectInput
              source="role"
              label="resources.users.fields.memberships_role"
              choices={roleChoices}
              validate={required()}
            />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Edit>
  );
}
