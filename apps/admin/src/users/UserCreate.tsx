import {
  Create,
  email,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';

import { type Role } from '@admin/access/permissions';
import { sessionStore } from '@admin/session';
import { roleChoices } from '@admin/users/roleChoices';
import { PASSWORD_MIN_LENGTH } from '@admin/users/types';
import { passwordLength } from '@admin/users/validators';

interface UserCreateValues {
  email: string;
  displayName: string;
  password: string;
  role: Role;
}

/** `POST /api/users`: a new user with a role in the current channel. */
export function toCreateUser(values: UserCreateValues, channelId: string) {
  return {
    email: values.email.trim(),
    displayName: values.displayName.trim(),
    password: values.password,
    memberships: [{ channelId, role: values.role }],
  };
}

export function UserCreate() {
  return (
    <Create
      redirect="list"
      transform={(values: UserCreateValues) =>
        toCreateUser(values, sessionStore.currentChannel()?.id ?? '')
      }
    >
      <SimpleForm defaultValues={{ role: 'marketer' }} noValidate>
        <TextInput source="email" type="email" validate={[required(), email()]} />
        <TextInput source="displayName" validate={required()} />
        <PasswordInput
          source="password"
          validate={[required(), passwordLength]}
          helperText={`≥ ${PASSWORD_MIN_LENGTH}`}
        />
        <SelectInput source="role" choices={roleChoices} validate={required()} />
      </SimpleForm>
    </Create>
  );
}
