import { Readable } from 'node:stream';

import { type ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, IsString, ValidateNested } from 'class-validator';

import { createValidationPipe } from './validation.pipe';

class InnerDto {
  @IsString()
  title!: string;
}

class ExampleDto {
  @IsString()
  name!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => InnerDto)
  inner!: InnerDto;
}

const body: ArgumentMetadata = { type: 'body', metatype: ExampleDto };

async function errorsOf(value: unknown, metadata: ArgumentMetadata = body): Promise<unknown> {
  try {
    await createValidationPipe().transform(value, metadata);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const response = (error as BadRequestException).getResponse() as {
      code: string;
      errors: unknown;
    };
    expect(response.code).toBe('validation_failed');
    return response.errors;
  }
  throw new Error('the pipe accepted the value');
}

function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) {
    value = { a: value };
  }
  return value;
}

describe('the global validation pipe', () => {
  it('transforms and validates a good body as before', async () => {
    const value = await createValidationPipe().transform(
      { name: 'n', inner: { title: 't' } },
      body,
    );
    expect(value).toBeInstanceOf(ExampleDto);
  });

  it('refuses a stream or a class instance before class-transformer walks into it', async () => {
    expect(await errorsOf(Readable.from(['a,b']))).toEqual({ body: 'must be a JSON object' });
    expect(await errorsOf(new Date())).toEqual({ body: 'must be a JSON object' });
    expect(await errorsOf({ name: 'n', inner: new Map() })).toEqual({
      inner: 'must be a JSON object',
    });
  });

  it('refuses a body that is a string or a number', async () => {
    expect(await errorsOf('text')).toEqual({ body: 'must be a JSON object' });
    expect(await errorsOf(12)).toEqual({ body: 'must be a JSON object' });
  });

  it('takes 32 levels and refuses 33, and 100,000 without a stack overflow', async () => {
    const pipe = createValidationPipe();
    const object: ArgumentMetadata = { type: 'body', metatype: Object };
    await expect(pipe.transform(nested(31), object)).resolves.toBeDefined();
    // Named by the top-level field the nesting hangs from.
    expect(await errorsOf(nested(33), object)).toEqual({ a: 'nests too deeply' });
    expect(await errorsOf(nested(100_000), object)).toEqual({ a: 'nests too deeply' });
    expect(await errorsOf({ name: 'n', content: { title: nested(40) } }, object)).toEqual({
      content: 'nests too deeply',
    });
  });

  it('refuses keys that reach a prototype, by their path', async () => {
    // A computed key: a literal `__proto__:` would set the expected object's prototype.
    expect(await errorsOf(JSON.parse('{"name":"n","__proto__":{"x":1}}'))).toEqual({
      ['__proto__']: 'is not an allowed key',
    });
    expect(await errorsOf(JSON.parse('{"inner":{"constructor":{"prototype":{}}}}'))).toEqual({
      'inner.constructor': 'is not an allowed key',
    });
    // A field that happens to be called constructor is only a name.
    const errors = (await errorsOf({ name: 'n', constructor: 'x' })) as object;
    expect(Object.hasOwn(errors, 'constructor')).toBe(false);
  });

  it('names NUL and lone surrogates in strings and keys, at any depth', async () => {
    expect(await errorsOf({ name: 'a\u0000b', inner: { title: 't' } })).toEqual({
      name: 'must not contain NUL characters',
    });
    expect(await errorsOf({ name: 'n', inner: { title: '\udc00' } })).toEqual({
      'inner.title': 'must be valid Unicode text',
    });
    expect(await errorsOf({ name: 'n', inner: { title: 't' }, tags: ['ok', 'b\u0000'] })).toEqual({
      'tags.1': 'must not contain NUL characters',
    });
    expect(await errorsOf({ name: 'n', inner: { ['k\u0000']: 1 } })).toEqual({
      'inner.k\\u0000': 'must not contain NUL characters',
    });
  });

  it('accepts paired surrogates (emoji) and other control characters', async () => {
    await expect(
      createValidationPipe().transform({ name: '😀\t', inner: { title: '한국어' } }, body),
    ).resolves.toBeInstanceOf(ExampleDto);
  });

  it('checks query values, query objects, path parameters and custom decorators by name', async () => {
    expect(await errorsOf('a\u0000', { type: 'query', data: 'mode', metatype: String })).toEqual({
      mode: 'must not contain NUL characters',
    });
    expect(
      await errorsOf({ sort: 'x', filter: '\u0000' }, { type: 'query', metatype: Object }),
    ).toEqual({ filter: 'must not contain NUL characters' });
    expect(await errorsOf('\ud800', { type: 'param', data: 'token', metatype: String })).toEqual({
      token: 'must be valid Unicode text',
    });
    expect(await errorsOf({ q: 'a\u0000' }, { type: 'custom', metatype: Object })).toEqual({
      q: 'must not contain NUL characters',
    });
  });

  it('leaves query objects without a prototype and framework objects alone', async () => {
    const query = Object.assign(Object.create(null) as object, { range: '[0,9]' });
    const pipe = createValidationPipe();
    await expect(pipe.transform(query, { type: 'query', metatype: Object })).resolves.toBe(query);
    const user = { id: 'u', since: new Date(0) };
    await expect(pipe.transform(user, { type: 'custom', metatype: Object })).resolves.toBe(user);
  });
});
