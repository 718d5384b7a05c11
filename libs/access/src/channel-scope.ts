/**
 * Returns the entity when it belongs to the current channel, and otherwise throws the caller's
 * not-found error, exactly as for an unknown id: a foreign id must not reveal that it exists.
 * Prefer filtering by channel in the query itself (`WHERE id = $1 AND channel_id = $2`); this is
 * for entities loaded some other way (by a job, through a relation, from a cache).
 *
 * @example const campaign = requireInChannel(await repo.findOneBy({ id }), channel.id, () => notFound(id));
 */
export function requireInChannel<T extends { channelId: string }>(
  entity: T | null | undefined,
  channelId: string,
  notFound: () => Error,
): T {
  if (!entity || entity.channelId !== channelId) {
    throw notFound();
  }
  return entity;
}
