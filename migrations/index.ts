import { CreateChannels1764000000000 } from './1764000000000-CreateChannels';

/** Every migration, oldest first. New migrations are appended here. */
export const ALL_MIGRATIONS = [CreateChannels1764000000000];
