import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { ChannelMembershipEntity, SessionEntity, UserEntity } from '@app/accounts';
import { AUDIENCE_ENTITIES } from '@app/audiences';
import { AuditLogEntity } from '@app/audit';
import { CAMPAIGN_ENTITIES } from '@app/campaigns';
import { ChannelEntity } from '@app/channels';
import { getConfig } from '@app/config';
import { buildDataSourceOptions } from '@app/database';
import { RECIPIENT_ENTITIES } from '@app/recipients';
import { WEBHOOK_ENTITIES } from '@app/webhooks';

import { ALL_MIGRATIONS } from './index';

/** Data source for the TypeORM CLI (`npm run migration:generate -- migrations/<Name>`). */
export default new DataSource(
  buildDataSourceOptions({
    url: getConfig().database.url,
    entities: [
      ChannelEntity,
      UserEntity,
      ChannelMembershipEntity,
      SessionEntity,
      AuditLogEntity,
      ...CAMPAIGN_ENTITIES,
      ...RECIPIENT_ENTITIES,
      ...AUDIENCE_ENTITIES,
      ...WEBHOOK_ENTITIES,
    ],
    migrations: ALL_MIGRATIONS,
  }),
);
