import { seriesEventId } from './event-id';

describe('seriesEventId', () => {
  it('strips the occurrence start from an occurrence id', () => {
    expect(seriesEventId('8fe646f4_20300412T010000Z')).toBe('8fe646f4');
  });

  it('keeps ids that name a series or a single event', () => {
    expect(seriesEventId('8fe646f4')).toBe('8fe646f4');
    expect(seriesEventId('ev_7f3c')).toBe('ev_7f3c');
  });
});
