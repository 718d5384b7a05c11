import { ROLES } from '@admin/access/permissions';
import { enumChoices } from '@admin/shared/enumChoices';

export const roleChoices = enumChoices('role', ROLES);
