import { PassThrough } from 'node:stream';

import pino from 'pino';

import { runWithLogContext } from './log-context';
import { pinoOptions, scrubSecrets, wantsPrettyLogs } from './logging';

function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const logger = pino(pinoOptions({ level: 'debug', service: 'test' }), stream);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('log lines', () => {
  it('are JSON with an ISO time, a level name and the service', () => {
    const { logger, lines } = capture();
    logger.info('hello');
    expect(lines()[0]).toMatchObject({ level: 'info', service: 'test', msg: 'hello' });
    expect(new Date(lines()[0].time as string).toISOString()).toBe(lines()[0].time);
  });

  it('redact credentials in logged objects and headers', () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        password: 'p1',
        user: { accessToken: 't1', adminKey: 'k1' },
        req: { headers: { authorization: 'Bearer t2' } },
      },
      'careless',
    );
    const text = JSON.stringify(lines());
    for (const secret of ['p1', 't1', 'k1', 't2']) {
      expect(text).not.toContain(`"${secret}"`);
    }
    expect(text).toContain('[redacted]');
  });

  it('scrub credentials and query values from messages', () => {
    expect(
      scrubSecrets('GET /r/x?token=abc&b=2 failed: Bearer kccs_abcdefghijk KakaoAK 0123abcd'),
    ).toBe('GET /r/x?token=[redacted]&b=[redacted] failed: Bearer [redacted] KakaoAK [redacted]');
  });

  it('carry the job context (request id, channel, job) of the code that logs', () => {
    const { logger, lines } = capture();
    runWithLogContext({ requestId: 'r-1', channelId: 'c-1', job: 'BlastSendBatch' }, () =>
      logger.debug('sent'),
    );
    expect(lines()[0]).toMatchObject({ requestId: 'r-1', channelId: 'c-1', job: 'BlastSendBatch' });
  });
});

describe('log format', () => {
  it('is pretty on a terminal or with LOG_FORMAT=pretty, JSON with LOG_FORMAT=json', () => {
    const tty = process.stdout.isTTY;
    try {
      process.stdout.isTTY = true;
      expect(wantsPrettyLogs({})).toBe(true);
      expect(wantsPrettyLogs({ LOG_FORMAT: 'json' })).toBe(false);
      process.stdout.isTTY = false;
      expect(wantsPrettyLogs({})).toBe(false);
      expect(wantsPrettyLogs({ LOG_FORMAT: 'pretty' })).toBe(true);
    } finally {
      process.stdout.isTTY = tty;
    }
    expect(pinoOptions({ level: 'log', service: 'api', pretty: true }).transport).toMatchObject({
      target: expect.stringContaining('pino-pretty'),
    });
    expect(pinoOptions({ level: 'log', service: 'api' }).transport).toBeUndefined();
  });

  it('keeps the meaning of LOG_LEVEL', () => {
    expect(pinoOptions({ level: 'log', service: 'api' }).level).toBe('info');
    expect(pinoOptions({ level: 'verbose', service: 'api' }).level).toBe('trace');
    expect(pinoOptions({ level: 'error', service: 'api' }).level).toBe('error');
  });
});
