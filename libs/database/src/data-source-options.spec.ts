import { QueryFailedError } from 'typeorm';

import { buildDataSourceOptions, ParameterFreeQueryLogger } from './data-source-options';

describe('ParameterFreeQueryLogger', () => {
  const secret = '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0$aGFzaA';

  function capture(): { lines: string[]; logger: ParameterFreeQueryLogger } {
    const lines: string[] = [];
    const sink = {
      error: (line: unknown) => lines.push(String(line)),
      warn: (line: unknown) => lines.push(String(line)),
    };
    return { lines, logger: new ParameterFreeQueryLogger(sink) };
  }

  it('logs a failed query with its code, message and statement, never its parameters', () => {
    const { lines, logger } = capture();
    const query = 'UPDATE users SET password_hash = $1, display_name = $2 WHERE id = $3';
    const parameters = [secret, 'a\u0000b', 'b1a3a7c2-0000-4000-8000-000000000001'];
    const error = new QueryFailedError(
      query,
      parameters,
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
        code: '22021',
      }),
    );
    logger.logQueryError(error, query, parameters);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('22021');
    expect(lines[0]).toContain('UPDATE users SET password_hash = $1');
    for (const parameter of parameters) {
      expect(lines[0]).not.toContain(parameter);
    }
  });

  it('leaves out the input Postgres quotes in its message', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error(`invalid input syntax for type uuid: "${secret}"`), {
      code: '22P02',
    });
    logger.logQueryError(error, 'SELECT * FROM users WHERE id = $1', [secret]);
    expect(lines[0]).toContain('22P02');
    expect(lines[0]).not.toContain(secret);
  });

  it('logs slow queries without parameters and successful queries not at all', () => {
    const { lines, logger } = capture();
    logger.logQuery('SELECT $1', [secret]);
    logger.logQuerySlow(1500, 'SELECT * FROM sessions WHERE token_hash = $1', [secret]);
    expect(lines).toEqual(['Query took 1500 ms: SELECT * FROM sessions WHERE token_hash = $1']);
  });

  it('is the logger of every data source the app builds', () => {
    const options = buildDataSourceOptions({ url: 'postgres://localhost/x' });
    expect(options.logger).toBeInstanceOf(ParameterFreeQueryLogger);
    expect(options.logging).toBeUndefined();
  });
});
