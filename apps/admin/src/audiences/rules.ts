import {
  type AttributeScalar,
  type AudienceExclusions,
  type Rule,
  type RuleGroup,
  type RuleNode,
} from '@admin/audiences/types';
import { CHANNEL_RELATIONS, CONSENT_STATES } from '@admin/recipients/types';
import { instantToWallTime, isDateText, wallTimeToInstant } from '@admin/time/zonedTime';

// The builder edits the API's rule language (libs/audiences/src/audience-rules.ts) as rows of
// text inputs; these functions turn the rows into rules and back, and say what is still missing.

/** The API's limits (RULE_LIMITS); the builder keeps within them. */
export const RULE_LIMITS = {
  maxDepth: 3,
  maxRules: 100,
  maxChildren: 50,
  maxListValues: 100,
  maxDays: 3650,
  maxExcludedAudiences: 10,
  maxTextLength: 500,
} as const;

/** Arguments every problem message may use. */
export const PROBLEM_ARGS = {
  max_rules: RULE_LIMITS.maxRules,
  max_children: RULE_LIMITS.maxChildren,
  max_values: RULE_LIMITS.maxListValues,
  max_days: RULE_LIMITS.maxDays,
  max_text: RULE_LIMITS.maxTextLength,
} as const;

/** What a row is about; `attribute` rows name the attribute in a second input. */
export const RULE_FIELDS = [
  'tags',
  'attribute',
  'consentState',
  'channelRelation',
  'lastDeliveredAt',
  'optedInAt',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** The operators the API accepts for each field (OPERATORS in audience-rules.ts). */
export const RULE_OPERATORS: Readonly<Record<RuleField, readonly string[]>> = {
  tags: ['hasAny', 'hasAll', 'hasNone'],
  attribute: ['eq', 'neq', 'in', 'contains', 'gt', 'lt', 'exists'],
  consentState: ['eq', 'neq', 'in'],
  channelRelation: ['eq', 'neq', 'in'],
  lastDeliveredAt: ['before', 'after', 'withinDays', 'notWithinDays', 'never'],
  optedInAt: ['before', 'after', 'withinDays', 'notWithinDays'],
};

/** The input a row's value needs. */
export type ValueInput =
  'tags' | 'text' | 'texts' | 'exists' | 'choice' | 'choices' | 'date' | 'days' | 'none';

/** A row as typed: values stay text until the rules are built. */
export interface RuleDraft {
  key: string;
  field: RuleField;
  /** The attribute's name (`attribute` rows). */
  attribute: string;
  operator: string;
  /** A single value: text, a number of days, a day (YYYY-MM-DD), `true`/`false`, an enum value. */
  value: string;
  /** A list: tags, enum values or attribute values. */
  values: string[];
}

export interface GroupDraft {
  key: string;
  combinator: 'and' | 'or';
  children: NodeDraft[];
}

export type NodeDraft = RuleDraft | GroupDraft;

/** Problems by path, as the API names them (`rules.children[1].value`): translation keys. */
export type Problems = Record<string, string>;

export const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const TAG = /^[^|,\s](?:[^|,]*[^|,\s])?$/u;
const TAG_MAX_LENGTH = 50;
const DECIMAL = /^-?(0|[1-9]\d{0,14})(\.\d{1,10})?$/;
const DAYS = /^\d{1,4}$/;

let lastKey = 0;

/** A key for React lists (never sent). */
export function draftKey(): string {
  lastKey += 1;
  return `rule-${lastKey}`;
}

export function isGroupDraft(node: NodeDraft): node is GroupDraft {
  return 'children' in node;
}

function isGroup(node: RuleNode): node is RuleGroup {
  return 'children' in node;
}

export function valueInputOf(field: RuleField, operator: string): ValueInput {
  switch (field) {
    case 'tags':
      return 'tags';
    case 'attribute':
      return operator === 'in' ? 'texts' : operator === 'exists' ? 'exists' : 'text';
    case 'consentState':
    case 'channelRelation':
      return operator === 'in' ? 'choices' : 'choice';
    case 'lastDeliveredAt':
    case 'optedInAt':
      return operator === 'never'
        ? 'none'
        : operator === 'withinDays' || operator === 'notWithinDays'
          ? 'days'
          : 'date';
  }
}

/** The values an enum field may take. */
export function choicesOf(field: RuleField): readonly string[] {
  return field === 'consentState'
    ? CONSENT_STATES
    : field === 'channelRelation'
      ? CHANNEL_RELATIONS
      : [];
}

function defaultValue(field: RuleField, operator: string): string {
  const input = valueInputOf(field, operator);
  return input === 'exists' ? 'true' : input === 'choice' ? (choicesOf(field)[0] ?? '') : '';
}

export function newRule(field: RuleField = 'tags'): RuleDraft {
  const operator = RULE_OPERATORS[field][0];
  return {
    key: draftKey(),
    field,
    attribute: '',
    operator,
    value: defaultValue(field, operator),
    values: [],
  };
}

export function newGroup(combinator: 'and' | 'or' = 'and', children?: NodeDraft[]): GroupDraft {
  return { key: draftKey(), combinator, children: children ?? [newRule()] };
}

/** Another field: its first operator and an empty value (the attribute name stays). */
export function changeField(rule: RuleDraft, field: RuleField): RuleDraft {
  if (field === rule.field) {
    return rule;
  }
  const operator = RULE_OPERATORS[field][0];
  return { ...rule, field, operator, value: defaultValue(field, operator), values: [] };
}

/** Another operator: the value moves between single and list inputs when it can. */
export function changeOperator(rule: RuleDraft, operator: string): RuleDraft {
  const from = valueInputOf(rule.field, rule.operator);
  const to = valueInputOf(rule.field, operator);
  if (from === to) {
    return { ...rule, operator };
  }
  const single = from === 'text' || from === 'choice' ? rule.value.trim() : '';
  const lists: ValueInput[] = ['tags', 'texts', 'choices'];
  if (lists.includes(to)) {
    return { ...rule, operator, value: '', values: single ? [single] : rule.values };
  }
  const first = lists.includes(from) ? (rule.values[0] ?? '') : '';
  const carried = (to === 'text' || to === 'choice') && first ? first : '';
  return {
    ...rule,
    operator,
    value: carried || defaultValue(rule.field, operator),
    values: [],
  };
}

// Tree edits by path: indices of children from the top group ([] is the top group).

export function nodeAt(root: GroupDraft, path: readonly number[]): NodeDraft | undefined {
  let node: NodeDraft = root;
  for (const index of path) {
    if (!isGroupDraft(node)) {
      return undefined;
    }
    const child: NodeDraft | undefined = node.children[index];
    if (child === undefined) {
      return undefined;
    }
    node = child;
  }
  return node;
}

export function updateNode(
  root: GroupDraft,
  path: readonly number[],
  change: (node: NodeDraft) => NodeDraft,
): GroupDraft {
  if (path.length === 0) {
    const changed = change(root);
    return isGroupDraft(changed) ? changed : root;
  }
  const [index, ...rest] = path;
  const child = root.children[index];
  if (child === undefined) {
    return root;
  }
  const next =
    rest.length === 0
      ? change(child)
      : isGroupDraft(child)
        ? updateNode(child, rest, change)
        : child;
  return { ...root, children: root.children.map((node, at) => (at === index ? next : node)) };
}

export function removeNode(root: GroupDraft, path: readonly number[]): GroupDraft {
  if (path.length === 0) {
    return root;
  }
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  return updateNode(root, parent, (group) =>
    isGroupDraft(group)
      ? { ...group, children: group.children.filter((_node, at) => at !== index) }
      : group,
  );
}

export function appendChild(
  root: GroupDraft,
  groupPath: readonly number[],
  child: NodeDraft,
): GroupDraft {
  return updateNode(root, groupPath, (group) =>
    isGroupDraft(group) ? { ...group, children: [...group.children, child] } : group,
  );
}

/** Whether the group at `path` may hold another group (the top group is level 1). */
export function canNestGroup(path: readonly number[]): boolean {
  return path.length + 1 < RULE_LIMITS.maxDepth;
}

export function countRules(group: GroupDraft): number {
  return group.children.reduce(
    (sum, child) => sum + (isGroupDraft(child) ? countRules(child) : 1),
    0,
  );
}

/** A CSV cell's reading, as imports store attributes: true/false, plain decimals, else text. */
export function attributeScalar(text: string): AttributeScalar {
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  return DECIMAL.test(text) ? Number(text) : text;
}

function cleanList(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

interface Built<T> {
  value: T;
  problems: Problems;
}

function buildRule(draft: RuleDraft, at: string, timeZone: string): Built<Rule> {
  const problems: Problems = {};
  const problem = (key: string, where = 'value') => {
    problems[`${at}.${where}`] = key;
  };
  const field = draft.field === 'attribute' ? `attributes.${draft.attribute.trim()}` : draft.field;
  const { operator } = draft;
  if (draft.field === 'attribute' && !ATTRIBUTE_NAME.test(draft.attribute.trim())) {
    problem(
      draft.attribute.trim() === ''
        ? 'app.audience.problems.attribute_required'
        : 'app.audience.problems.attribute_name',
      'field',
    );
  }
  const text = draft.value.trim();
  const list = cleanList(draft.values);
  const listProblem = (empty: string) => {
    if (list.length === 0) {
      problem(empty);
    } else if (list.length > RULE_LIMITS.maxListValues) {
      problem('app.audience.problems.too_many_values');
    }
  };
  switch (valueInputOf(draft.field, operator)) {
    case 'tags':
      listProblem('app.audience.problems.tags_required');
      if (list.some((tag) => tag.length > TAG_MAX_LENGTH || !TAG.test(tag))) {
        problem('app.audience.problems.tag_invalid');
      }
      return { value: { field, operator, value: list }, problems };
    case 'texts':
      listProblem('app.audience.problems.values_required');
      if (list.some((value) => value.length > RULE_LIMITS.maxTextLength)) {
        problem('app.audience.problems.text_too_long');
      }
      return { value: { field, operator, value: list.map(attributeScalar) }, problems };
    case 'choices':
      listProblem('app.audience.problems.values_required');
      return { value: { field, operator, value: list }, problems };
    case 'text': {
      if (text === '') {
        problem('app.audience.problems.value_required');
      } else if (text.length > RULE_LIMITS.maxTextLength) {
        problem('app.audience.problems.text_too_long');
      }
      // `contains` compares text; the others read numbers and true/false as imports store them.
      const value =
        operator === 'contains'
          ? text
          : operator === 'gt' || operator === 'lt'
            ? DECIMAL.test(text)
              ? Number(text)
              : text
            : attributeScalar(text);
      return { value: { field, operator, value }, problems };
    }
    case 'exists':
      return { value: { field, operator, value: text !== 'false' }, problems };
    case 'choice':
      if (!choicesOf(draft.field).includes(text)) {
        problem('app.audience.problems.value_required');
      }
      return { value: { field, operator, value: text }, problems };
    case 'days': {
      const days = Number(text);
      if (!DAYS.test(text) || days < 1 || days > RULE_LIMITS.maxDays) {
        problem(
          text === '' ? 'app.audience.problems.value_required' : 'app.audience.problems.days',
        );
      }
      return { value: { field, operator, value: DAYS.test(text) ? days : text }, problems };
    }
    case 'date': {
      // The day starts at midnight in the channel's time zone.
      const instant = isDateText(text) ? wallTimeToInstant(`${text}T00:00`, timeZone) : null;
      if (instant === null) {
        problem(
          text === '' ? 'app.audience.problems.value_required' : 'app.audience.problems.date',
        );
      }
      return { value: { field, operator, value: instant ?? text }, problems };
    }
    case 'none':
      return { value: { field, operator }, problems };
  }
}

/**
 * The API's rule group for the builder's rows, and what is still missing by path. The rules are
 * built even when rows are incomplete (the API then names the same paths).
 */
export function buildRuleGroup(
  draft: GroupDraft,
  timeZone: string,
  path = 'rules',
): Built<RuleGroup> {
  const problems: Problems = {};
  const group = (node: GroupDraft, at: string): RuleGroup => {
    if (node.children.length === 0) {
      problems[`${at}.children`] = 'app.audience.problems.empty_group';
    } else if (node.children.length > RULE_LIMITS.maxChildren) {
      problems[`${at}.children`] = 'app.audience.problems.too_many_children';
    }
    return {
      combinator: node.combinator,
      children: node.children.map((child, index) => {
        const childAt = `${at}.children[${index}]`;
        if (isGroupDraft(child)) {
          return group(child, childAt);
        }
        const built = buildRule(child, childAt, timeZone);
        Object.assign(problems, built.problems);
        return built.value;
      }),
    };
  };
  const value = group(draft, path);
  if (countRules(draft) > RULE_LIMITS.maxRules) {
    problems[path] = 'app.audience.problems.too_many_rules';
  }
  return { value, problems };
}

function ruleToDraft(rule: Rule, timeZone: string): RuleDraft {
  const base = newRule();
  const attribute = rule.field.startsWith('attributes.')
    ? rule.field.slice('attributes.'.length)
    : null;
  const field: RuleField =
    attribute !== null ? 'attribute' : (RULE_FIELDS.find((name) => name === rule.field) ?? 'tags');
  const draft: RuleDraft = { ...base, field, attribute: attribute ?? '', operator: rule.operator };
  const value = rule.value;
  switch (valueInputOf(field, rule.operator)) {
    case 'tags':
    case 'texts':
    case 'choices':
      return { ...draft, values: Array.isArray(value) ? value.map(String) : [] };
    case 'exists':
      return { ...draft, value: value === false ? 'false' : 'true' };
    case 'date':
      return {
        ...draft,
        value:
          typeof value === 'string'
            ? isDateText(value)
              ? value
              : instantToWallTime(value, timeZone).slice(0, 10)
            : '',
      };
    case 'none':
      return draft;
    case 'text':
    case 'choice':
    case 'days':
      return { ...draft, value: value === undefined || Array.isArray(value) ? '' : String(value) };
  }
}

/** The builder's rows for saved rules (dates as days in the channel's time zone). */
export function ruleGroupToDraft(group: RuleGroup, timeZone: string): GroupDraft {
  return {
    key: draftKey(),
    combinator: group.combinator,
    children: group.children.map((child) =>
      isGroup(child) ? ruleGroupToDraft(child, timeZone) : ruleToDraft(child, timeZone),
    ),
  };
}

/** Exclusions as the API takes them, and what is missing in their rules. */
export function buildExclusions(
  audienceIds: readonly string[],
  rules: GroupDraft | null,
  timeZone: string,
): Built<AudienceExclusions> {
  const built = rules ? buildRuleGroup(rules, timeZone, 'exclude.rules') : null;
  const problems: Problems = { ...(built?.problems ?? {}) };
  if (audienceIds.length > RULE_LIMITS.maxExcludedAudiences) {
    problems['exclude.audienceIds'] = 'app.audience.problems.too_many_exclusions';
  }
  return {
    value: { audienceIds: [...new Set(audienceIds)], rules: built?.value ?? null },
    problems,
  };
}

/** Problems of rows left empty, shown only once the person tries to save. */
export function isMissingValue(problem: string): boolean {
  return [
    'app.audience.problems.attribute_required',
    'app.audience.problems.tags_required',
    'app.audience.problems.values_required',
    'app.audience.problems.value_required',
  ].includes(problem);
}
