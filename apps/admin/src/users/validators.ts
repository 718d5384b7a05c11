import { PASSWORD_MIN_LENGTH } from '@admin/users/types';

export function passwordLength(value: unknown) {
  return typeof value === 'string' && value !== '' && value.length < PASSWORD_MIN_LENGTH
    ? { message: 'app.validation.password_length', args: { min: PASSWORD_MIN_LENGTH } }
    : undefined;
}
