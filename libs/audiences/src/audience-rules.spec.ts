import { validateExclusions, validateRuleGroup } from './audience-rules';

function errorsOf(input: unknown): Record<string, string> {
  const checked = validateRuleGroup(input);
  if (checked.ok) {
    throw new Error('expected errors');
  }
  return checked.errors;
}

describe('validateRuleGroup', () => {
  it('accepts every field and operator and normalizes tags', () => {
    const rules = {
      combinator: 'and',
      children: [
        { field: 'tags', operator: 'hasAny', value: [' vip', 'seoul', 'vip'] },
        { field: 'tags', operator: 'hasAll', value: ['a'] },
        { field: 'tags', operator: 'hasNone', value: ['b'] },
        { field: 'attributes.city', operator: 'eq', value: 'Seoul' },
        { field: 'attributes.city', operator: 'neq', value: 'Busan' },
        { field: 'attributes.age', operator: 'in', value: [20, 21] },
        { field: 'attributes.name', operator: 'contains', value: 'kim' },
        { field: 'attributes.age', operator: 'gt', value: 19 },
        { field: 'attributes.joined', operator: 'lt', value: '2030-01-01' },
        { field: 'attributes.vip', operator: 'exists' },
        { field: 'attributes.vip', operator: 'exists', value: false },
        { field: 'consentState', operator: 'eq', value: 'active' },
        { field: 'channelRelation', operator: 'in', value: ['ADDED', 'NONE'] },
        { field: 'lastDeliveredAt', operator: 'before', value: '2030-04-01T00:00:00+09:00' },
        { field: 'lastDeliveredAt', operator: 'withinDays', value: 7 },
        { field: 'lastDeliveredAt', operator: 'notWithinDays', value: 30 },
        { field: 'lastDeliveredAt', operator: 'never' },
        { field: 'optedInAt', operator: 'after', value: '2024-01-01' },
        {
          combinator: 'or',
          children: [
            {
              combinator: 'and',
              children: [{ field: 'optedInAt', operator: 'withinDays', value: 3 }],
            },
          ],
        },
      ],
    };
    const checked = validateRuleGroup(rules);
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.value.children[0]).toEqual({
      field: 'tags',
      operator: 'hasAny',
      value: ['seoul', 'vip'],
    });
  });

  it('names the path of an unknown operator', () => {
    expect(
      errorsOf({
        combinator: 'and',
        children: [
          { field: 'tags', operator: 'hasAny', value: ['a'] },
          { field: 'tags', operator: 'startsWith', value: ['a'] },
        ],
      }),
    ).toEqual({
      'rules.children[1].operator': 'unknown operator for tags; use one of hasAny, hasAll, hasNone',
    });
  });

  it('names unknown fields, bad values and stray keys at any depth, all at once', () => {
    expect(
      errorsOf({
        combinator: 'xor',
        children: [
          { field: 'email', operator: 'eq', value: 'x' },
          {
            combinator: 'or',
            children: [
              { field: 'lastDeliveredAt', operator: 'withinDays', value: 0 },
              { field: 'attributes.home town', operator: 'eq', value: 1 },
              { field: 'consentState', operator: 'eq', value: 'maybe', extra: 1 },
            ],
          },
        ],
      }),
    ).toEqual({
      'rules.combinator': 'must be "and" or "or"',
      'rules.children[0].field': expect.stringContaining('unknown field'),
      'rules.children[1].children[0].value': expect.stringContaining('whole number of days'),
      'rules.children[1].children[1].field': expect.stringContaining('attribute names'),
      'rules.children[1].children[2].extra': expect.stringContaining('not a rule property'),
      'rules.children[1].children[2].value': expect.stringContaining('must be one of active'),
    });
  });

  it('refuses groups deeper than three levels', () => {
    const leaf = { field: 'tags', operator: 'hasAny', value: ['a'] };
    const deep = {
      combinator: 'and',
      children: [
        {
          combinator: 'or',
          children: [{ combinator: 'and', children: [{ combinator: 'or', children: [leaf] }] }],
        },
      ],
    };
    expect(errorsOf(deep)).toEqual({
      'rules.children[0].children[0].children[0]': 'groups nest at most 3 levels deep',
    });
  });

  it.each([
    [null, 'rules'],
    [{ combinator: 'and', children: [] }, 'rules.children'],
    [{ combinator: 'and', children: [42] }, 'rules.children[0]'],
    [
      { combinator: 'and', children: [{ field: 'tags', operator: 'hasAny', value: [] }] },
      'rules.children[0].value',
    ],
    [
      { combinator: 'and', children: [{ field: 'attributes.a', operator: 'in', value: [{}] }] },
      'rules.children[0].value',
    ],
    [
      { combinator: 'and', children: [{ field: 'attributes.a', operator: 'gt', value: true }] },
      'rules.children[0].value',
    ],
    [
      { combinator: 'and', children: [{ field: 'optedInAt', operator: 'never' }] },
      'rules.children[0].operator',
    ],
    [
      {
        combinator: 'and',
        children: [{ field: 'optedInAt', operator: 'before', value: 'yesterday' }],
      },
      'rules.children[0].value',
    ],
    [
      { combinator: 'and', children: [{ field: 'lastDeliveredAt', operator: 'never', value: 1 }] },
      'rules.children[0].value',
    ],
  ])('refuses %j at %s', (input, path) => {
    expect(Object.keys(errorsOf(input))).toEqual([path]);
  });

  it.each(['2024-02-30', '0000-01-01', '2024-02-30T10:00:00+09:00', '2024-01-01T24:00Z'])(
    'refuses the impossible date %s by the value path',
    (value) => {
      expect(
        errorsOf({
          combinator: 'and',
          children: [{ field: 'optedInAt', operator: 'before', value }],
        }),
      ).toEqual({ 'rules.children[0].value': expect.stringContaining('real date') });
    },
  );

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'refuses the inherited name %s as an unknown field',
    (field) => {
      expect(
        errorsOf({ combinator: 'and', children: [{ field, operator: 'eq', value: 1 }] }),
      ).toEqual({ 'rules.children[0].field': expect.stringContaining('unknown field') });
    },
  );

  it('reads a rule with a group-like inherited name as a rule, not a group', () => {
    const child: Record<string, unknown> = { field: 'tags', operator: 'hasAny', value: ['a'] };
    Object.setPrototypeOf(child, { children: [], combinator: 'and' });
    const checked = validateRuleGroup({ combinator: 'and', children: [child] });
    expect(checked.ok && checked.value.children).toEqual([
      { field: 'tags', operator: 'hasAny', value: ['a'] },
    ]);
  });

  it('caps the number of rules', () => {
    const leaf = { field: 'tags', operator: 'hasAny', value: ['a'] };
    const group = { combinator: 'or', children: Array.from({ length: 50 }, () => leaf) };
    expect(errorsOf({ combinator: 'and', children: [group, group, group] })).toEqual({
      rules: 'at most 100 rules in all',
    });
  });
});

describe('validateExclusions', () => {
  const id = '0b3c9c1e-6f1f-4c53-9d5e-1a2b3c4d5e6f';

  it('defaults to nothing excluded', () => {
    expect(validateExclusions(undefined)).toEqual({
      ok: true,
      value: { audienceIds: [], rules: null },
    });
  });

  it('accepts audiences and a rule group', () => {
    expect(
      validateExclusions({
        audienceIds: [id, id],
        rules: {
          combinator: 'and',
          children: [{ field: 'tags', operator: 'hasAny', value: ['x'] }],
        },
      }),
    ).toMatchObject({ ok: true, value: { audienceIds: [id] } });
  });

  it('names bad entries by path', () => {
    expect(
      validateExclusions({
        audienceIds: ['nope'],
        rules: { combinator: 'and', children: [{ field: 'x' }] },
        other: 1,
      }),
    ).toEqual({
      ok: false,
      errors: {
        'exclude.other': expect.any(String),
        'exclude.audienceIds': expect.any(String),
        'exclude.rules.children[0].field': expect.any(String),
      },
    });
  });
});
