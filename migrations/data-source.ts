import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { ChannelEntity } from '@app/channels';
import { getConfig } from '@app/config';
import { buildDataSourceOptions } from '@app/database';

import { ALL_MIGRATIONS } from './index';

/** Data source for the TypeORM CLI (`npm run migration:generate -- migrations/<Name>`). */
export default new DataSource(
  buildDataSourceOptions({
    url: getConfig().database.url,
    entities: [ChannelEntity],
    migrations: ALL_MIGRATIONS,
  }),
);
