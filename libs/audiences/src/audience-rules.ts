import { isUUID } from 'class-validator';

import { parseIsoInstant } from '@app/common';
import { ATTRIBUTE_KEY, ChannelRelation, ConsentState, normalizeTags } from '@app/recipients';

/**
 * The rule language of dynamic audiences. A group combines its children with AND or OR; groups
 * nest at most `MAX_DEPTH` levels (the top group is level 1).
 *
 * ```json
 * { "combinator": "and", "children": [
 *   { "field": "tags", "operator": "hasAny", "value": ["seoul"] },
 *   { "field": "attributes.age", "operator": "gt", "value": 19 },
 *   { "combinator": "or", "children": [
 *     { "field": "lastDeliveredAt", "operator": "never" },
 *     { "field": "lastDeliveredAt", "operator": "notWithinDays", "value": 30 } ] } ] }
 * ```
 */
export interface RuleGroup {
  combinator: 'and' | 'or';
  children: RuleNode[];
}

export type AttributeScalar = string | number | boolean;

export type Rule =
  | { field: 'tags'; operator: 'hasAny' | 'hasAll' | 'hasNone'; value: string[] }
  | { field: `attributes.${string}`; operator: 'eq' | 'neq'; value: AttributeScalar }
  | { field: `attributes.${string}`; operator: 'in'; value: AttributeScalar[] }
  | { field: `attributes.${string}`; operator: 'contains'; value: string }
  | { field: `attributes.${string}`; operator: 'gt' | 'lt'; value: number | string }
  | { field: `attributes.${string}`; operator: 'exists'; value?: boolean }
  | { field: 'consentState'; operator: 'eq' | 'neq'; value: ConsentState }
  | { field: 'consentState'; operator: 'in'; value: ConsentState[] }
  | { field: 'channelRelation'; operator: 'eq' | 'neq'; value: ChannelRelation }
  | { field: 'channelRelation'; operator: 'in'; value: ChannelRelation[] }
  | { field: 'lastDeliveredAt'; operator: 'before' | 'after'; value: string }
  | { field: 'lastDeliveredAt'; operator: 'withinDays' | 'notWithinDays'; value: number }
  | { field: 'lastDeliveredAt'; operator: 'never' }
  | { field: 'optedInAt'; operator: 'before' | 'after'; value: string }
  | { field: 'optedInAt'; operator: 'withinDays' | 'notWithinDays'; value: number };

export type RuleNode = RuleGroup | Rule;

/** What to leave out of an audience: members of other audiences, and/or a rule group. */
export interface AudienceExclusions {
  audienceIds: string[];
  rules: RuleGroup | null;
}

export const RULE_LIMITS = {
  maxDepth: 3,
  maxRules: 100,
  maxChildren: 50,
  maxListValues: 100,
  maxDays: 3650,
  maxExcludedAudiences: 10,
  maxTextLength: 500,
} as const;

export const OPERATORS = {
  tags: ['hasAny', 'hasAll', 'hasNone'],
  attributes: ['eq', 'neq', 'in', 'contains', 'gt', 'lt', 'exists'],
  consentState: ['eq', 'neq', 'in'],
  channelRelation: ['eq', 'neq', 'in'],
  lastDeliveredAt: ['before', 'after', 'withinDays', 'notWithinDays', 'never'],
  optedInAt: ['before', 'after', 'withinDays', 'notWithinDays'],
} as const;

type FieldFamily = keyof typeof OPERATORS;

const FIELDS = 'tags, attributes.<name>, consentState, channelRelation, lastDeliveredAt, optedInAt';

/** Problems by path (`rules.children[1].operator`), as the API's `errors` map shows them. */
export type RuleErrors = Record<string, string>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is AttributeScalar {
  return (
    (typeof value === 'string' && value.length <= RULE_LIMITS.maxTextLength) ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean'
  );
}

function familyOf(field: string): FieldFamily | undefined {
  if (field.startsWith('attributes.')) {
    return ATTRIBUTE_KEY.test(field.slice('attributes.'.length)) ? 'attributes' : undefined;
  }
  // Own keys only: `in` would also find constructor, toString, __proto__ and the like.
  return Object.hasOwn(OPERATORS, field) && field !== 'attributes'
    ? (field as FieldFamily)
    : undefined;
}

function enumValue<E extends string>(
  operator: string,
  value: unknown,
  allowed: readonly E[],
): string | undefined {
  const list = operator === 'in' ? value : [value];
  if (!Array.isArray(list) || list.length === 0 || list.length > RULE_LIMITS.maxListValues) {
    return operator === 'in' ? 'must be a non-empty list' : `must be one of ${allowed.join(', ')}`;
  }
  return list.every((item) => allowed.includes(item as E))
    ? undefined
    : `must be ${operator === 'in' ? 'a list of' : 'one of'} ${allowed.join(', ')}`;
}

function dateValue(operator: string, value: unknown): string | undefined {
  if (operator === 'never') {
    return value === undefined ? undefined : 'takes no value';
  }
  if (operator === 'withinDays' || operator === 'notWithinDays') {
    return Number.isInteger(value) &&
      (value as number) >= 1 &&
      (value as number) <= RULE_LIMITS.maxDays
      ? undefined
      : `must be a whole number of days from 1 to ${RULE_LIMITS.maxDays}`;
  }
  // Strict: Date.parse rolls 2024-02-30 over to March, and Postgres refuses it and year 0.
  return typeof value === 'string' && parseIsoInstant(value) !== undefined
    ? undefined
    : 'must be a real date or date-time from year 1, such as 2030-04-01T00:00:00+09:00';
}

function attributeValue(operator: string, value: unknown): string | undefined {
  switch (operator) {
    case 'eq':
    case 'neq':
      return isScalar(value) ? undefined : 'must be text, a number or true/false';
    case 'in':
      return Array.isArray(value) &&
        value.length > 0 &&
        value.length <= RULE_LIMITS.maxListValues &&
        value.every(isScalar)
        ? undefined
        : `must be a list of 1 to ${RULE_LIMITS.maxListValues} values (text, numbers, true/false)`;
    case 'contains':
      return typeof value === 'string' &&
        value.length > 0 &&
        value.length <= RULE_LIMITS.maxTextLength
        ? undefined
        : 'must be non-empty text';
    case 'gt':
    case 'lt':
      return (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && value.length > 0 && value.length <= RULE_LIMITS.maxTextLength)
        ? undefined
        : 'must be a number (or text, compared alphabetically)';
    case 'exists':
      return value === undefined || typeof value === 'boolean'
        ? undefined
        : 'must be true or false';
    default:
      return `unknown operator ${operator}`;
  }
}

function checkValue(family: FieldFamily, operator: string, value: unknown): string | undefined {
  switch (family) {
    case 'tags': {
      if (!Array.isArray(value) || value.length === 0) {
        return 'must be a non-empty list of tags';
      }
      const tags = normalizeTags(value);
      return tags.ok ? undefined : tags.reason;
    }
    case 'attributes':
      return attributeValue(operator, value);
    case 'consentState':
      return enumValue(operator, value, Object.values(ConsentState));
    case 'channelRelation':
      return enumValue(operator, value, Object.values(ChannelRelation));
    case 'lastDeliveredAt':
    case 'optedInAt':
      return dateValue(operator, value);
  }
}

const GROUP_KEYS = new Set(['combinator', 'children']);
const RULE_KEYS = new Set(['field', 'operator', 'value']);

/**
 * Checks a rule tree and returns it in canonical form (tags normalized), or every problem by
 * path. Unknown keys, fields and operators are problems, never ignored.
 */
export function validateRuleGroup(
  input: unknown,
  path = 'rules',
): { ok: true; value: RuleGroup } | { ok: false; errors: RuleErrors } {
  const errors: RuleErrors = {};
  let rules = 0;

  const group = (node: unknown, at: string, depth: number): RuleGroup | undefined => {
    if (!isObject(node)) {
      errors[at] = 'must be a group: { combinator: "and" | "or", children: [...] }';
      return undefined;
    }
    for (const key of Object.keys(node)) {
      if (!GROUP_KEYS.has(key)) {
        errors[`${at}.${key}`] = 'is not a group property (use combinator and children)';
      }
    }
    if (node.combinator !== 'and' && node.combinator !== 'or') {
      errors[`${at}.combinator`] = 'must be "and" or "or"';
    }
    if (!Array.isArray(node.children) || node.children.length === 0) {
      errors[`${at}.children`] = 'must be a non-empty list of rules and groups';
      return undefined;
    }
    if (node.children.length > RULE_LIMITS.maxChildren) {
      errors[`${at}.children`] = `at most ${RULE_LIMITS.maxChildren} entries per group`;
      return undefined;
    }
    const children: RuleNode[] = [];
    node.children.forEach((child: unknown, index) => {
      const childAt = `${at}.children[${index}]`;
      if (
        isObject(child) &&
        (Object.hasOwn(child, 'children') || Object.hasOwn(child, 'combinator'))
      ) {
        if (depth >= RULE_LIMITS.maxDepth) {
          errors[childAt] = `groups nest at most ${RULE_LIMITS.maxDepth} levels deep`;
          return;
        }
        const nested = group(child, childAt, depth + 1);
        if (nested) {
          children.push(nested);
        }
      } else {
        const checked = rule(child, childAt);
        if (checked) {
          children.push(checked);
        }
      }
    });
    return { combinator: node.combinator as 'and' | 'or', children };
  };

  const rule = (node: unknown, at: string): Rule | undefined => {
    rules += 1;
    if (!isObject(node)) {
      errors[at] = 'must be a rule { field, operator, value } or a group { combinator, children }';
      return undefined;
    }
    for (const key of Object.keys(node)) {
      if (!RULE_KEYS.has(key)) {
        errors[`${at}.${key}`] = 'is not a rule property (use field, operator and value)';
      }
    }
    const { field, operator, value } = node;
    const family = typeof field === 'string' ? familyOf(field) : undefined;
    if (family === undefined) {
      errors[`${at}.field`] =
        typeof field === 'string' && field.startsWith('attributes.')
          ? 'attribute names hold letters, digits and _ and start with a letter or _'
          : `unknown field; use one of ${FIELDS}`;
      return undefined;
    }
    const operators: readonly string[] = OPERATORS[family];
    if (typeof operator !== 'string' || !operators.includes(operator)) {
      errors[`${at}.operator`] =
        `unknown operator for ${String(field)}; use one of ${operators.join(', ')}`;
      return undefined;
    }
    const problem = checkValue(family, operator, value);
    if (problem !== undefined) {
      errors[`${at}.value`] = problem;
      return undefined;
    }
    if (family === 'tags') {
      const tags = normalizeTags(value);
      return { field: 'tags', operator, value: tags.ok ? tags.value : [] } as Rule;
    }
    return (value === undefined ? { field, operator } : { field, operator, value }) as Rule;
  };

  const value = group(input, path, 1);
  if (rules > RULE_LIMITS.maxRules) {
    errors[path] = `at most ${RULE_LIMITS.maxRules} rules in all`;
  }
  return Object.keys(errors).length > 0 || value === undefined
    ? { ok: false, errors: Object.keys(errors).length > 0 ? errors : { [path]: 'is invalid' } }
    : { ok: true, value };
}

/** Checks `exclude: { audienceIds?, rules? }` (existence of the audiences is checked later). */
export function validateExclusions(
  input: unknown,
  path = 'exclude',
): { ok: true; value: AudienceExclusions } | { ok: false; errors: RuleErrors } {
  if (input === undefined || input === null) {
    return { ok: true, value: { audienceIds: [], rules: null } };
  }
  if (!isObject(input)) {
    return { ok: false, errors: { [path]: 'must be { audienceIds?: [...], rules?: {...} }' } };
  }
  const errors: RuleErrors = {};
  for (const key of Object.keys(input)) {
    if (key !== 'audienceIds' && key !== 'rules') {
      errors[`${path}.${key}`] = 'is not an exclusion (use audienceIds and rules)';
    }
  }
  const ids = input.audienceIds ?? [];
  if (
    !Array.isArray(ids) ||
    ids.length > RULE_LIMITS.maxExcludedAudiences ||
    !ids.every((id) => typeof id === 'string' && isUUID(id))
  ) {
    errors[`${path}.audienceIds`] =
      `must be a list of at most ${RULE_LIMITS.maxExcludedAudiences} audience ids`;
  }
  let rules: RuleGroup | null = null;
  if (input.rules !== undefined && input.rules !== null) {
    const checked = validateRuleGroup(input.rules, `${path}.rules`);
    if (checked.ok) {
      rules = checked.value;
    } else {
      Object.assign(errors, checked.errors);
    }
  }
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, value: { audienceIds: [...new Set(ids as string[])], rules } };
}
