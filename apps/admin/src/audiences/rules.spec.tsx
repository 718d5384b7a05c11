import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, Form } from 'react-admin';

import {
  audienceToForm,
  buildDefinition,
  formToCreate,
  formToUpdate,
  newAudienceValues,
  previewRequest,
} from '@admin/audiences/audienceValues';
import { parseKakaoUserIds } from '@admin/audiences/memberIds';
import { RuleBuilderInput } from '@admin/audiences/RuleBuilder';
import {
  appendChild,
  attributeScalar,
  buildExclusions,
  buildRuleGroup,
  canNestGroup,
  changeField,
  changeOperator,
  type GroupDraft,
  newGroup,
  newRule,
  nodeAt,
  removeNode,
  RULE_FIELDS,
  RULE_OPERATORS,
  type RuleDraft,
  ruleGroupToDraft,
  updateNode,
} from '@admin/audiences/rules';
import { describeRule } from '@admin/audiences/ruleText';
import { type Audience, AUDIENCE_KINDS, type RuleGroup } from '@admin/audiences/types';
import { createI18nProvider } from '@admin/i18n/i18nProvider';
import { CHANNEL_RELATIONS, CONSENT_STATES } from '@admin/recipients/types';
import { translatorFor } from '@admin/test/translate';

const SEOUL = 'Asia/Seoul';

function rule(patch: Partial<RuleDraft>): RuleDraft {
  return { ...newRule(patch.field ?? 'tags'), ...patch };
}

/** The rule tree of the libs/audiences docs example, with an exclusion of every kind. */
const saved: RuleGroup = {
  combinator: 'and',
  children: [
    { field: 'tags', operator: 'hasAny', value: ['busan', 'seoul'] },
    { field: 'attributes.age', operator: 'gt', value: 19 },
    { field: 'attributes.plan', operator: 'in', value: ['gold', 3, true] },
    { field: 'attributes.vip', operator: 'exists', value: false },
    { field: 'consentState', operator: 'in', value: ['active', 'needs_consent'] },
    { field: 'channelRelation', operator: 'neq', value: 'BLOCKED' },
    {
      combinator: 'or',
      children: [
        { field: 'lastDeliveredAt', operator: 'never' },
        { field: 'lastDeliveredAt', operator: 'notWithinDays', value: 30 },
        { field: 'optedInAt', operator: 'after', value: '2030-04-01T00:00:00+09:00' },
      ],
    },
  ],
};

describe('rule builder ↔ the API’s rule language', () => {
  it('round-trips every field, operator and nesting, dates as days in the channel’s zone', () => {
    const draft = ruleGroupToDraft(saved, SEOUL);
    const after = nodeAt(draft, [6, 2]) as RuleDraft;
    expect(after).toMatchObject({ field: 'optedInAt', operator: 'after', value: '2030-04-01' });
    expect(nodeAt(draft, [1])).toMatchObject({ field: 'attribute', attribute: 'age', value: '19' });
    const built = buildRuleGroup(draft, SEOUL);
    expect(built.problems).toEqual({});
    expect(built.value).toEqual(saved);
  });

  it('reads dates saved as instants in another zone as the day in the channel’s zone', () => {
    const draft = ruleGroupToDraft(
      {
        combinator: 'and',
        children: [{ field: 'optedInAt', operator: 'before', value: '2030-03-31T16:30:00Z' }],
      },
      SEOUL,
    );
    expect((nodeAt(draft, [0]) as RuleDraft).value).toBe('2030-04-01');
    expect(buildRuleGroup(draft, 'America/New_York').value.children[0]).toEqual({
      field: 'optedInAt',
      operator: 'before',
      value: '2030-04-01T00:00:00-04:00',
    });
  });

  it('reads attribute values as CSV imports store them', () => {
    expect(attributeScalar('true')).toBe(true);
    expect(attributeScalar('false')).toBe(false);
    expect(attributeScalar('42')).toBe(42);
    expect(attributeScalar('-1.5')).toBe(-1.5);
    // Leading zeros matter (postal codes, member numbers): text.
    expect(attributeScalar('007')).toBe('007');
    expect(attributeScalar('gold')).toBe('gold');
    const built = buildRuleGroup(
      newGroup('and', [
        rule({ field: 'attribute', attribute: 'plan', operator: 'eq', value: ' 3 ' }),
        rule({ field: 'attribute', attribute: 'city', operator: 'contains', value: '42' }),
        rule({ field: 'attribute', attribute: 'tier', operator: 'lt', value: 'b' }),
      ]),
      SEOUL,
    );
    expect(built.value.children).toEqual([
      { field: 'attributes.plan', operator: 'eq', value: 3 },
      { field: 'attributes.city', operator: 'contains', value: '42' },
      { field: 'attributes.tier', operator: 'lt', value: 'b' },
    ]);
  });

  it('trims and de-duplicates list values', () => {
    const built = buildRuleGroup(
      newGroup('or', [rule({ field: 'tags', values: [' seoul', 'seoul', '', 'busan '] })]),
      SEOUL,
    );
    expect(built.value.children[0]).toEqual({
      field: 'tags',
      operator: 'hasAny',
      value: ['seoul', 'busan'],
    });
  });

  it('names what is missing or wrong at the paths the API would use', () => {
    const draft = newGroup('and', [
      rule({ field: 'tags', values: [] }),
      rule({ field: 'attribute', attribute: '1st', operator: 'eq', value: 'x' }),
      rule({ field: 'tags', values: ['a|b'] }),
      newGroup('or', [
        rule({ field: 'lastDeliveredAt', operator: 'withinDays', value: '0' }),
        rule({ field: 'optedInAt', operator: 'before', value: '' }),
      ]),
      { ...newGroup('and'), children: [] },
    ]);
    expect(buildRuleGroup(draft, SEOUL, 'exclude.rules').problems).toEqual({
      'exclude.rules.children[0].value': 'app.audience.problems.tags_required',
      'exclude.rules.children[1].field': 'app.audience.problems.attribute_name',
      'exclude.rules.children[2].value': 'app.audience.problems.tag_invalid',
      'exclude.rules.children[3].children[0].value': 'app.audience.problems.days',
      'exclude.rules.children[3].children[1].value': 'app.audience.problems.value_required',
      'exclude.rules.children[4].children': 'app.audience.problems.empty_group',
    });
  });

  it('offers exactly the API’s operators for each field', () => {
    expect(RULE_FIELDS).toEqual([
      'tags',
      'attribute',
      'consentState',
      'channelRelation',
      'lastDeliveredAt',
      'optedInAt',
    ]);
    expect(RULE_OPERATORS.lastDeliveredAt).toContain('never');
    expect(RULE_OPERATORS.optedInAt).not.toContain('never');
    for (const field of RULE_FIELDS) {
      for (const operator of RULE_OPERATORS[field]) {
        const fresh = changeOperator(changeField(newRule('tags'), field), operator);
        expect(fresh.field).toBe(field);
        expect(fresh.operator).toBe(operator);
      }
    }
  });

  it('keeps the value when the operator changes between one value and a list', () => {
    const one = rule({ field: 'consentState', operator: 'eq', value: 'revoked' });
    const list = changeOperator(one, 'in');
    expect(list).toMatchObject({ value: '', values: ['revoked'] });
    expect(changeOperator(list, 'neq')).toMatchObject({ value: 'revoked', values: [] });
    // A field of another kind starts over with its first operator.
    expect(changeField(list, 'lastDeliveredAt')).toMatchObject({
      operator: 'before',
      value: '',
      values: [],
    });
    expect(changeField(newRule('tags'), 'consentState')).toMatchObject({
      operator: 'eq',
      value: 'active',
    });
  });

  it('edits the tree by path without touching the rest', () => {
    const root = newGroup('and', [newRule('tags'), newGroup('or', [newRule('optedInAt')])]);
    const added = appendChild(root, [1], newRule('consentState'));
    expect((nodeAt(added, [1]) as GroupDraft).children).toHaveLength(2);
    expect(nodeAt(added, [0])).toBe(root.children[0]);
    const renamed = updateNode(added, [1, 1], (node) => ({ ...node, value: 'revoked' }));
    expect((nodeAt(renamed, [1, 1]) as RuleDraft).value).toBe('revoked');
    expect((nodeAt(added, [1, 1]) as RuleDraft).value).toBe('active');
    const removed = removeNode(renamed, [1, 0]);
    expect((nodeAt(removed, [1]) as GroupDraft).children.map((child) => child.key)).toEqual([
      (nodeAt(renamed, [1, 1]) as RuleDraft).key,
    ]);
    // Groups nest three levels deep at most (the top group is the first).
    expect(canNestGroup([])).toBe(true);
    expect(canNestGroup([1])).toBe(true);
    expect(canNestGroup([1, 0])).toBe(false);
  });

  it('builds exclusions of audiences and rules', () => {
    const excluded = buildExclusions(
      ['a', 'b', 'a'],
      newGroup('or', [rule({ field: 'channelRelation', operator: 'eq', value: 'BLOCKED' })]),
      SEOUL,
    );
    expect(excluded).toEqual({
      value: {
        audienceIds: ['a', 'b'],
        rules: {
          combinator: 'or',
          children: [{ field: 'channelRelation', operator: 'eq', value: 'BLOCKED' }],
        },
      },
      problems: {},
    });
    expect(buildExclusions([], null, SEOUL).value).toEqual({ audienceIds: [], rules: null });
  });
});

describe('audience form ↔ API', () => {
  const audience: Audience = {
    id: 'a1',
    channelId: 'ch',
    name: 'Seoul adults',
    description: null,
    kind: 'dynamic',
    rules: saved,
    exclude: {
      audienceIds: ['a2'],
      rules: {
        combinator: 'and',
        children: [{ field: 'tags', operator: 'hasAny', value: ['staff'] }],
      },
    },
    createdBy: 'u1',
    archived: false,
    archivedAt: null,
    version: 4,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
  };

  it('sends what the API takes: rules, exclusions and the version', () => {
    const values = audienceToForm(audience, SEOUL);
    expect(formToUpdate({ ...values, name: ' Seoul adults 2 ', description: ' ' }, SEOUL)).toEqual({
      version: 4,
      name: 'Seoul adults 2',
      description: null,
      rules: saved,
      exclude: audience.exclude,
    });
  });

  it('starts a new audience with active consent and sends static lists without rules', () => {
    const fresh = newAudienceValues();
    expect(formToCreate({ ...fresh, name: 'Everyone' }, SEOUL)).toEqual({
      name: 'Everyone',
      description: null,
      kind: 'dynamic',
      rules: {
        combinator: 'and',
        children: [{ field: 'consentState', operator: 'eq', value: 'active' }],
      },
      exclude: { audienceIds: [], rules: null },
    });
    expect(formToCreate({ ...fresh, name: 'VIP list', kind: 'static' }, SEOUL)).toEqual({
      name: 'VIP list',
      description: null,
      kind: 'static',
      exclude: { audienceIds: [], rules: null },
    });
  });

  it('asks for a live size only when every row is complete', () => {
    const values = newAudienceValues();
    expect(previewRequest(values, SEOUL)).toEqual({
      rules: {
        combinator: 'and',
        children: [{ field: 'consentState', operator: 'eq', value: 'active' }],
      },
      exclude: { audienceIds: [], rules: null },
    });
    const incomplete = { ...values, rules: appendChild(values.rules!, [], newRule('tags')) };
    expect(previewRequest(incomplete, SEOUL)).toBeNull();
    expect(buildDefinition(incomplete, SEOUL).problems).toEqual({
      'rules.children[1].value': 'app.audience.problems.tags_required',
    });
    expect(previewRequest({ ...values, kind: 'static' }, SEOUL)).toBeNull();
  });
});

describe('rules as sentences', () => {
  const formatDay = (instant: string) => instant.slice(0, 10);
  it.each([
    [
      { field: 'tags', operator: 'hasAny', value: ['seoul', 'busan'] },
      'Tags has any of seoul, busan',
      '태그 하나라도 있음: seoul, busan',
    ],
    [
      { field: 'attributes.age', operator: 'gt', value: 19 },
      'Attribute age is greater than 19',
      '속성 age 보다 큼: 19',
    ],
    [
      { field: 'attributes.vip', operator: 'exists', value: false },
      'Attribute vip is not set',
      '속성 vip 설정 안 됨',
    ],
    [
      { field: 'consentState', operator: 'in', value: ['active', 'needs_consent'] },
      'Consent is one of Active, Needs consent',
      '수신 동의 다음 중 하나: 수신 동의, 재동의 필요',
    ],
    [
      { field: 'lastDeliveredAt', operator: 'notWithinDays', value: 30 },
      'Last message not within the last 30 days',
      '마지막 메시지 최근 기간 밖: 30일',
    ],
    [{ field: 'lastDeliveredAt', operator: 'never' }, 'Last message never', '마지막 메시지 없음'],
  ])('describes %j', (node, english, korean) => {
    expect(describeRule(node, translatorFor('en'), formatDay)).toBe(english);
    expect(describeRule(node, translatorFor('ko'), formatDay)).toBe(korean);
  });
});

describe('words for the builder', () => {
  it.each(['en', 'ko'] as const)(
    'names every field, operator, value and problem in %s',
    (locale) => {
      const translate = translatorFor(locale);
      const keys = [
        ...RULE_FIELDS.map((field) => `app.audience.fields.${field}`),
        ...RULE_FIELDS.flatMap((field) =>
          RULE_OPERATORS[field].map((operator) => `app.audience.operators.${field}.${operator}`),
        ),
        ...CONSENT_STATES.map((state) => `app.enums.consentState.${state}`),
        ...CHANNEL_RELATIONS.map((relation) => `app.enums.channelRelation.${relation}`),
        ...AUDIENCE_KINDS.map((kind) => `app.enums.audienceKind.${kind}`),
        ...['true', 'false'].map((value) => `app.audience.exists.${value}`),
        ...['and', 'or'].map((combinator) => `app.audience.combinator.${combinator}`),
        ...[
          ...readFileSync(join(__dirname, 'rules.ts'), 'utf8').matchAll(
            /'(app\.audience\.problems\.\w+)'/g,
          ),
        ].map((match) => match[1]),
      ];
      expect(keys.filter((key) => translate(key) === key)).toEqual([]);
    },
  );
});

describe('member ids', () => {
  it('reads ids one per line or separated by commas and spaces, without duplicates', () => {
    expect(parseKakaoUserIds('1001\n1002, 1003 1001\n\n abc, 0123')).toEqual({
      ids: ['1001', '1002', '1003'],
      invalid: ['abc', '0123'],
    });
  });
});

describe('<RuleBuilderInput>', () => {
  function renderBuilder(rules: GroupDraft) {
    let submitted: { rules: GroupDraft } | undefined;
    render(
      <AdminContext i18nProvider={createI18nProvider('en')}>
        <Form
          record={{ rules }}
          onSubmit={(values: Record<string, unknown>) => {
            submitted = values as { rules: GroupDraft };
          }}
        >
          <RuleBuilderInput source="rules" />
          <button type="submit">save</button>
        </Form>
      </AdminContext>,
    );
    return {
      rows: () => screen.getAllByTestId('rule-row'),
      submit: () => {
        fireEvent.click(screen.getByText('save'));
      },
      submitted: () => submitted,
    };
  }

  it('adds conditions and groups, flags empty rows only once saving is tried', async () => {
    const builder = renderBuilder(newGroup('and', [rule({ field: 'tags', values: ['seoul'] })]));
    expect(builder.rows()).toHaveLength(1);
    fireEvent.click(screen.getAllByTestId('add-rule')[0]);
    expect(builder.rows()).toHaveLength(2);
    expect(screen.queryByTestId('rule-problem')).toBeNull();

    fireEvent.click(screen.getAllByTestId('add-group')[0]);
    expect(screen.getAllByTestId('rule-group')).toHaveLength(2);
    expect(builder.rows()).toHaveLength(3);

    builder.submit();
    expect(await screen.findAllByText('Enter at least one tag')).toHaveLength(2);
    expect(builder.submitted()).toBeUndefined();

    // Removing the empty rows lets the form save.
    fireEvent.click(screen.getAllByTestId('group-remove')[0]);
    fireEvent.click(within(builder.rows()[1]).getByTestId('rule-remove'));
    builder.submit();
    await waitFor(() => expect(builder.submitted()).toBeDefined());
    expect(buildRuleGroup(builder.submitted()!.rules, SEOUL)).toEqual({
      value: {
        combinator: 'and',
        children: [{ field: 'tags', operator: 'hasAny', value: ['seoul'] }],
      },
      problems: {},
    });
  });

  it('switches a group between AND and OR', () => {
    renderBuilder(newGroup('and', [rule({ field: 'tags', values: ['seoul'] })]));
    const or = screen.getByTestId('combinator-or');
    fireEvent.click(or);
    expect(or.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('combinator-and').getAttribute('aria-pressed')).toBe('false');
  });
});
