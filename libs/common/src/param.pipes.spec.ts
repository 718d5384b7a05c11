import { type ArgumentMetadata, BadRequestException } from '@nestjs/common';

import { PositiveIntPipe, UuidPipe } from './param.pipes';

function errorsOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { errors: unknown }).errors;
  }
  throw new Error('the pipe accepted the value');
}

describe('UuidPipe', () => {
  const id: ArgumentMetadata = { type: 'param', data: 'runId' };

  it('passes a UUID of any version or case', () => {
    const pipe = new UuidPipe();
    expect(pipe.transform('0b8e3c1a-5d2f-4e6a-9b7c-1d2e3f4a5b6c', id)).toBe(
      '0b8e3c1a-5d2f-4e6a-9b7c-1d2e3f4a5b6c',
    );
    expect(pipe.transform('0B8E3C1A-5D2F-1E6A-9B7C-1D2E3F4A5B6C', id)).toBeDefined();
  });

  it.each([
    'nope',
    '',
    '0b8e3c1a5d2f4e6a9b7c1d2e3f4a5b6c',
    '0b8e3c1a-5d2f-4e6a-9b7c-1d2e3f4a5b6c0',
  ])('names the parameter for %j', (value) => {
    expect(errorsOf(() => new UuidPipe().transform(value, id))).toEqual({
      runId: 'must be a UUID',
    });
  });
});

describe('PositiveIntPipe', () => {
  const revision: ArgumentMetadata = { type: 'param', data: 'revision' };

  it('passes 1…2147483647 as text or as a number the global pipe made', () => {
    const pipe = new PositiveIntPipe();
    expect(pipe.transform('1', revision)).toBe(1);
    expect(pipe.transform('2147483647', revision)).toBe(2_147_483_647);
    expect(pipe.transform(42, revision)).toBe(42);
  });

  it.each(['0', '-1', '1.5', '2147483648', '99999999999999999999', 'x', '', 1e20, Number.NaN, 0])(
    'names the parameter for %j',
    (value) => {
      expect(errorsOf(() => new PositiveIntPipe().transform(value, revision))).toEqual({
        revision: 'must be an integer 1…2147483647',
      });
    },
  );
});
