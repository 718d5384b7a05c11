import { bucketStarts, parseReachQuery } from './reach-query';
import { ReachException } from './reach.exception';

const NOW = new Date('2026-11-25T03:00:00Z');

function errorsOf(run: () => unknown): Record<string, string> | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ReachException ? error.errors : undefined;
  }
  return undefined;
}

describe('parseReachQuery', () => {
  it('defaults to the last 30 days by day for the whole channel', () => {
    const query = parseReachQuery({}, 'Asia/Seoul', NOW);
    expect(query).toEqual({
      from: new Date('2026-10-26T03:00:00Z'),
      to: NOW,
      granularity: 'day',
      scope: { kind: 'channel' },
    });
  });

  it('reads dates in the channel zone and one scope', () => {
    const query = parseReachQuery(
      {
        from: '2026-11-01',
        to: '2026-11-02',
        granularity: 'hour',
        campaignId: '0b9f3e8e-6a43-4a43-9c55-0d7c5e0f2a11',
      },
      'Asia/Seoul',
      NOW,
    );
    expect(query.from).toEqual(new Date('2026-10-31T15:00:00Z'));
    expect(query.scope).toEqual({ kind: 'campaign', id: '0b9f3e8e-6a43-4a43-9c55-0d7c5e0f2a11' });
  });

  it('names every bad field', () => {
    expect(
      errorsOf(() =>
        parseReachQuery(
          { from: 'yesterday', granularity: 'week', blastId: 'x' },
          'Asia/Seoul',
          NOW,
        ),
      ),
    ).toEqual({
      from: 'must be an ISO date or date-time',
      granularity: 'must be hour or day',
      blastId: 'must be a UUID',
    });
    expect(
      errorsOf(() => parseReachQuery({ from: '2026-11-02', to: '2026-11-01' }, 'UTC', NOW)),
    ).toEqual({ from: 'must be before to' });
    expect(
      errorsOf(() =>
        parseReachQuery({ from: '2026-01-01', to: '2026-03-01', granularity: 'hour' }, 'UTC', NOW),
      ),
    ).toEqual({ to: 'the period holds more than 744 hours' });
  });
});

describe('bucketStarts', () => {
  it('lists local midnights for days and UTC hours for hours', () => {
    const days = parseReachQuery({ from: '2026-11-01', to: '2026-11-03' }, 'Asia/Seoul', NOW);
    expect(bucketStarts(days, 'Asia/Seoul')).toEqual([
      new Date('2026-10-31T15:00:00Z'),
      new Date('2026-11-01T15:00:00Z'),
    ]);
    const hours = parseReachQuery(
      { from: '2026-11-01T00:30:00Z', to: '2026-11-01T03:00:00Z', granularity: 'hour' },
      'UTC',
      NOW,
    );
    expect(bucketStarts(hours, 'UTC')).toHaveLength(3);
  });
});
