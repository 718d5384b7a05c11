import UploadFileIcon from '@mui/icons-material/UploadFile';
import { type ResourceProps } from 'react-admin';

import { lazyView } from '@admin/shared/lazyView';

const recipientImports: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./RecipientImportList'), 'RecipientImportList'),
  icon: UploadFileIcon,
};

export default recipientImports;
