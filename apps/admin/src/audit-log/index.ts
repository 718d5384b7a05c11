import HistoryIcon from '@mui/icons-material/History';
import { type ResourceProps } from 'react-admin';

import { type AuditEntry } from '@admin/audit-log/types';
import { lazyView } from '@admin/shared/lazyView';

const auditLog: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./AuditLogList'), 'AuditLogList'),
  icon: HistoryIcon,
  recordRepresentation: (record: AuditEntry) => `${record.action} ${record.entityId}`,
};

export default auditLog;
