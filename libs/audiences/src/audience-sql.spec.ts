import { type RuleGroup } from './audience-rules';
import {
  AudienceCompileError,
  type AudienceDefinition,
  compileAudience,
  compileGroup,
  compileRule,
  SqlParams,
} from './audience-sql';

function compile(group: RuleGroup, offset = 0): { sql: string; values: unknown[] } {
  const params = new SqlParams(offset);
  return { sql: compileGroup(group, params), values: params.values };
}

describe('rule compiler', () => {
  it('compiles tags to array operators over one parameter each', () => {
    const params = new SqlParams();
    expect(compileRule({ field: 'tags', operator: 'hasAny', value: ['a', 'b'] }, params)).toBe(
      '(r.tags && $1::text[])',
    );
    expect(compileRule({ field: 'tags', operator: 'hasAll', value: ['a'] }, params)).toBe(
      '(r.tags @> $2::text[])',
    );
    expect(compileRule({ field: 'tags', operator: 'hasNone', value: ['c'] }, params)).toBe(
      '(NOT (r.tags && $3::text[]))',
    );
    expect(params.values).toEqual([['a', 'b'], ['a'], ['c']]);
  });

  it('compiles attribute equality to jsonb containment (GIN index) and the rest to jsonb operators', () => {
    const cases: [Parameters<typeof compileRule>[0], string, unknown[]][] = [
      [
        { field: 'attributes.city', operator: 'eq', value: 'Seoul' },
        '(r.attributes @> $1::jsonb)',
        ['{"city":"Seoul"}'],
      ],
      [
        { field: 'attributes.city', operator: 'neq', value: 3 },
        '(NOT (r.attributes @> $1::jsonb))',
        ['{"city":3}'],
      ],
      [
        { field: 'attributes.age', operator: 'in', value: [20, '21'] },
        '($1::jsonb @> jsonb_build_array(r.attributes -> $2::text))',
        ['[20,"21"]', 'age'],
      ],
      [
        { field: 'attributes.age', operator: 'gt', value: 19 },
        "(CASE WHEN jsonb_typeof(r.attributes -> $1::text) = 'number' THEN (r.attributes ->> $1::text)::numeric > $2::numeric ELSE false END)",
        ['age', 19],
      ],
      [
        { field: 'attributes.joined', operator: 'lt', value: '2030' },
        "(CASE WHEN jsonb_typeof(r.attributes -> $1::text) = 'string' THEN (r.attributes ->> $1::text) < $2::text ELSE false END)",
        ['joined', '2030'],
      ],
      [
        { field: 'attributes.name', operator: 'contains', value: 'Kim' },
        "(CASE WHEN jsonb_typeof(r.attributes -> $1::text) = 'string' THEN strpos(lower(r.attributes ->> $1::text), lower($2::text)) > 0 ELSE false END)",
        ['name', 'Kim'],
      ],
      [
        { field: 'attributes.vip', operator: 'exists' },
        '((r.attributes -> $1::text) IS NOT NULL)',
        ['vip'],
      ],
      [
        { field: 'attributes.vip', operator: 'exists', value: false },
        '((r.attributes -> $1::text) IS NULL)',
        ['vip'],
      ],
    ];
    for (const [rule, sql, values] of cases) {
      const params = new SqlParams();
      expect(compileRule(rule, params)).toBe(sql);
      expect(params.values).toEqual(values);
    }
  });

  it('compiles consent and relation to = ANY over text arrays', () => {
    const params = new SqlParams();
    expect(
      compileRule({ field: 'consentState', operator: 'eq', value: 'active' as never }, params),
    ).toBe('(r.consent_state = ANY($1::text[]))');
    expect(
      compileRule({ field: 'channelRelation', operator: 'neq', value: 'BLOCKED' as never }, params),
    ).toBe('(NOT (r.channel_relation = ANY($2::text[])))');
    expect(params.values).toEqual([['active'], ['BLOCKED']]);
  });

  it('compiles dates so that never-delivered recipients are false, not NULL', () => {
    const params = new SqlParams();
    expect(
      compileRule({ field: 'lastDeliveredAt', operator: 'before', value: '2030-01-01' }, params),
    ).toBe('(r.last_delivered_at IS NOT NULL AND r.last_delivered_at < $1::timestamptz)');
    expect(
      compileRule({ field: 'lastDeliveredAt', operator: 'withinDays', value: 7 }, params),
    ).toBe(
      '(r.last_delivered_at IS NOT NULL AND r.last_delivered_at >= now() - make_interval(days => $2::int))',
    );
    expect(
      compileRule({ field: 'lastDeliveredAt', operator: 'notWithinDays', value: 30 }, params),
    ).toBe(
      '(r.last_delivered_at IS NULL OR r.last_delivered_at < now() - make_interval(days => $3::int))',
    );
    expect(compileRule({ field: 'lastDeliveredAt', operator: 'never' }, params)).toBe(
      '(r.last_delivered_at IS NULL)',
    );
    expect(
      compileRule({ field: 'optedInAt', operator: 'after', value: '2024-01-01' }, params),
    ).toBe('(r.opted_in_at IS NOT NULL AND r.opted_in_at > $4::timestamptz)');
  });

  it('binds the instant a rule date names, not the text as typed', () => {
    const params = new SqlParams();
    compileRule(
      { field: 'optedInAt', operator: 'before', value: '2030-04-01T00:00:00+09:00' },
      params,
    );
    compileRule({ field: 'lastDeliveredAt', operator: 'after', value: '2024-02-29' }, params);
    expect(params.values).toEqual(['2030-03-31T15:00:00.000Z', '2024-02-29T00:00:00.000Z']);
    expect(() =>
      compileRule({ field: 'optedInAt', operator: 'after', value: '2024-02-30' }, new SqlParams()),
    ).toThrow(AudienceCompileError);
  });

  it('nests groups with AND / OR and numbers parameters after an offset', () => {
    const { sql, values } = compile(
      {
        combinator: 'and',
        children: [
          { field: 'tags', operator: 'hasAny', value: ['vip'] },
          {
            combinator: 'or',
            children: [
              { field: 'lastDeliveredAt', operator: 'never' },
              { field: 'attributes.city', operator: 'eq', value: 'Seoul' },
            ],
          },
        ],
      },
      3,
    );
    expect(sql).toBe(
      '((r.tags && $4::text[]) AND ((r.last_delivered_at IS NULL) OR (r.attributes @> $5::jsonb)))',
    );
    expect(values).toEqual([['vip'], '{"city":"Seoul"}']);
  });

  it('never puts values into the SQL text', () => {
    const hostile = "x'); DROP TABLE recipients; --";
    const { sql, values } = compile({
      combinator: 'or',
      children: [
        { field: 'tags', operator: 'hasAny', value: [hostile] },
        { field: 'attributes.city', operator: 'eq', value: hostile },
        { field: 'attributes.city', operator: 'contains', value: hostile },
        { field: 'attributes.city', operator: 'in', value: [hostile] },
        { field: 'attributes.city', operator: 'gt', value: hostile },
      ],
    });
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain(hostile);
    expect(JSON.stringify(values)).toContain('DROP TABLE');
    expect(sql.match(/\$\d+/g)?.length).toBeGreaterThan(4);
  });
});

describe('audience compiler', () => {
  const vip: AudienceDefinition = {
    id: 'vip',
    kind: 'dynamic',
    rules: { combinator: 'and', children: [{ field: 'tags', operator: 'hasAny', value: ['vip'] }] },
    exclude: { audienceIds: [], rules: null },
  };
  const list: AudienceDefinition = {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'static',
    rules: null,
    exclude: { audienceIds: [], rules: null },
  };

  it('uses the member table for static lists', () => {
    const params = new SqlParams();
    expect(compileAudience(list, params, () => undefined)).toBe(
      '(EXISTS (SELECT 1 FROM audience_members m WHERE m.audience_id = $1::uuid AND m.recipient_id = r.id))',
    );
    expect(params.values).toEqual([list.id]);
  });

  it('subtracts excluded rules and audiences (with their own exclusions)', () => {
    const seoul: AudienceDefinition = {
      id: 'seoul',
      kind: 'dynamic',
      rules: {
        combinator: 'and',
        children: [{ field: 'attributes.city', operator: 'eq', value: 'Seoul' }],
      },
      exclude: {
        audienceIds: ['vip', list.id],
        rules: {
          combinator: 'or',
          children: [{ field: 'channelRelation', operator: 'eq', value: 'BLOCKED' as never }],
        },
      },
    };
    const all = new Map([vip, list, seoul].map((a) => [a.id, a]));
    const params = new SqlParams(1);
    expect(compileAudience(seoul, params, (id) => all.get(id))).toBe(
      '(((r.attributes @> $2::jsonb)) AND NOT ((r.channel_relation = ANY($3::text[]))) AND NOT ((((r.tags && $4::text[])))) AND NOT ((EXISTS (SELECT 1 FROM audience_members m WHERE m.audience_id = $5::uuid AND m.recipient_id = r.id))))',
    );
  });

  it('refuses cycles and missing audiences', () => {
    const a: AudienceDefinition = { ...vip, id: 'a', exclude: { audienceIds: ['b'], rules: null } };
    const b: AudienceDefinition = { ...vip, id: 'b', exclude: { audienceIds: ['a'], rules: null } };
    const all = new Map([a, b].map((x) => [x.id, x]));
    expect(() => compileAudience(a, new SqlParams(), (id) => all.get(id))).toThrow(
      new AudienceCompileError('Audience exclusions form a cycle: a → b → a'),
    );
    expect(() =>
      compileAudience(
        { ...vip, exclude: { audienceIds: ['gone'], rules: null } },
        new SqlParams(),
        () => undefined,
      ),
    ).toThrow('Excluded audience gone does not exist');
  });
});
