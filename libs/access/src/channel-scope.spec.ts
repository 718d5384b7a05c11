import { requireInChannel } from './channel-scope';

describe('requireInChannel', () => {
  const notFound = (): Error => new Error('not found');

  it('returns an entity of the current channel', () => {
    const entity = { id: '1', channelId: 'a' };
    expect(requireInChannel(entity, 'a', notFound)).toBe(entity);
  });

  it('throws the same not-found error for foreign and missing entities', () => {
    expect(() => requireInChannel({ id: '1', channelId: 'b' }, 'a', notFound)).toThrow('not found');
    expect(() => requireInChannel(null, 'a', notFound)).toThrow('not found');
    expect(() => requireInChannel(undefined, 'a', notFound)).toThrow('not found');
  });
});
