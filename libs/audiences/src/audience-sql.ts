import { parseIsoInstant } from '@app/common';

import {
  type AudienceExclusions,
  type Rule,
  type RuleGroup,
  type RuleNode,
} from './audience-rules';

/**
 * Positional parameters of one statement. The compiler only ever emits `$n` placeholders for
 * values; identifiers and operators come from fixed tables, never from input.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(private readonly offset = 0) {}

  /** Adds a value and answers its placeholder with a cast, e.g. `$3::text[]`. */
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.offset + this.values.length}::${cast}`;
  }
}

/** An audience as the compiler needs it. */
export interface AudienceDefinition {
  id: string;
  kind: 'dynamic' | 'static';
  rules: RuleGroup | null;
  exclude: AudienceExclusions;
}

/** Excluded audiences nest at most this deep (A excludes B which excludes C ...). */
export const MAX_EXCLUSION_DEPTH = 5;

export class AudienceCompileError extends Error {}

// Columns by rule field: the only identifiers that reach the SQL.
const COLUMN = {
  consentState: 'consent_state',
  channelRelation: 'channel_relation',
  lastDeliveredAt: 'last_delivered_at',
  optedInAt: 'opted_in_at',
} as const;

function attributeRule(
  rule: Extract<Rule, { field: `attributes.${string}` }>,
  params: SqlParams,
  r: string,
): string {
  const key = rule.field.slice('attributes.'.length);
  const k = () => params.add(key, 'text');
  switch (rule.operator) {
    case 'eq':
      // Containment (@>) can use the jsonb_path_ops GIN index.
      return `(${r}.attributes @> ${params.add(JSON.stringify({ [key]: rule.value }), 'jsonb')})`;
    case 'neq':
      return `(NOT (${r}.attributes @> ${params.add(JSON.stringify({ [key]: rule.value }), 'jsonb')}))`;
    case 'in':
      // A missing attribute builds [null], which no list of values contains.
      return `(${params.add(JSON.stringify(rule.value), 'jsonb')} @> jsonb_build_array(${r}.attributes -> ${k()}))`;
    case 'contains': {
      const key1 = k();
      return `(CASE WHEN jsonb_typeof(${r}.attributes -> ${key1}) = 'string' THEN strpos(lower(${r}.attributes ->> ${key1}), lower(${params.add(rule.value, 'text')})) > 0 ELSE false END)`;
    }
    case 'gt':
    case 'lt': {
      const op = rule.operator === 'gt' ? '>' : '<';
      const key1 = k();
      // CASE guards the cast: only numbers are compared as numbers, only text as text.
      return typeof rule.value === 'number'
        ? `(CASE WHEN jsonb_typeof(${r}.attributes -> ${key1}) = 'number' THEN (${r}.attributes ->> ${key1})::numeric ${op} ${params.add(rule.value, 'numeric')} ELSE false END)`
        : `(CASE WHEN jsonb_typeof(${r}.attributes -> ${key1}) = 'string' THEN (${r}.attributes ->> ${key1}) ${op} ${params.add(rule.value, 'text')} ELSE false END)`;
    }
    case 'exists':
      return rule.value === false
        ? `((${r}.attributes -> ${k()}) IS NULL)`
        : `((${r}.attributes -> ${k()}) IS NOT NULL)`;
  }
}

/** The rule's date as the instant Postgres compares, never the text as typed. */
function ruleInstant(value: string): string {
  const instant = parseIsoInstant(value);
  if (!instant) {
    throw new AudienceCompileError(`Rule date ${JSON.stringify(value)} is not a valid instant`);
  }
  return instant.toISOString();
}

function dateRule(
  rule: Extract<Rule, { field: 'lastDeliveredAt' | 'optedInAt' }>,
  params: SqlParams,
  r: string,
): string {
  const column = `${r}.${COLUMN[rule.field]}`;
  switch (rule.operator) {
    case 'never':
      return `(${column} IS NULL)`;
    case 'before':
      return `(${column} IS NOT NULL AND ${column} < ${params.add(ruleInstant(rule.value), 'timestamptz')})`;
    case 'after':
      return `(${column} IS NOT NULL AND ${column} > ${params.add(ruleInstant(rule.value), 'timestamptz')})`;
    case 'withinDays':
      return `(${column} IS NOT NULL AND ${column} >= now() - make_interval(days => ${params.add(rule.value, 'int')}))`;
    case 'notWithinDays':
      return `(${column} IS NULL OR ${column} < now() - make_interval(days => ${params.add(rule.value, 'int')}))`;
  }
}

/**
 * One rule as a predicate over the recipients row `r`. Every predicate is true or false, never
 * NULL, so `NOT (...)` of an exclusion keeps exactly the rows the rule does not match.
 */
export function compileRule(rule: Rule, params: SqlParams, r = 'r'): string {
  switch (rule.field) {
    case 'tags': {
      const tags = params.add(rule.value, 'text[]');
      switch (rule.operator) {
        case 'hasAny':
          return `(${r}.tags && ${tags})`;
        case 'hasAll':
          return `(${r}.tags @> ${tags})`;
        case 'hasNone':
          return `(NOT (${r}.tags && ${tags}))`;
      }
      break;
    }
    case 'consentState':
    case 'channelRelation': {
      const column = `${r}.${COLUMN[rule.field]}`;
      const values = params.add(Array.isArray(rule.value) ? rule.value : [rule.value], 'text[]');
      return rule.operator === 'neq'
        ? `(NOT (${column} = ANY(${values})))`
        : `(${column} = ANY(${values}))`;
    }
    case 'lastDeliveredAt':
    case 'optedInAt':
      return dateRule(rule, params, r);
    default:
      return attributeRule(rule, params, r);
  }
  throw new AudienceCompileError(`Unknown rule ${JSON.stringify(rule)}`);
}

function isGroup(node: RuleNode): node is RuleGroup {
  return Object.hasOwn(node, 'children');
}

/** A group as one parenthesized predicate; children joined by AND / OR. */
export function compileGroup(group: RuleGroup, params: SqlParams, r = 'r'): string {
  if (group.children.length === 0) {
    return group.combinator === 'and' ? 'true' : 'false';
  }
  const joiner = group.combinator === 'and' ? ' AND ' : ' OR ';
  return `(${group.children
    .map((child) =>
      isGroup(child) ? compileGroup(child, params, r) : compileRule(child, params, r),
    )
    .join(joiner)})`;
}

/**
 * Membership of an audience NOW as a predicate over `r` (consent not included): its rules, or
 * its member list for static audiences, minus its exclusions. Excluded audiences are compiled
 * in place (with their own exclusions), through `resolve`; cycles and deep chains are refused.
 */
export function compileAudience(
  audience: AudienceDefinition,
  params: SqlParams,
  resolve: (id: string) => AudienceDefinition | undefined,
  r = 'r',
  trail: readonly string[] = [],
): string {
  if (trail.includes(audience.id)) {
    throw new AudienceCompileError(
      `Audience exclusions form a cycle: ${[...trail, audience.id].join(' → ')}`,
    );
  }
  if (trail.length >= MAX_EXCLUSION_DEPTH) {
    throw new AudienceCompileError(`Audience exclusions nest deeper than ${MAX_EXCLUSION_DEPTH}`);
  }
  const parts: string[] = [];
  if (audience.kind === 'static') {
    parts.push(
      `EXISTS (SELECT 1 FROM audience_members m WHERE m.audience_id = ${params.add(audience.id, 'uuid')} AND m.recipient_id = ${r}.id)`,
    );
  } else {
    if (!audience.rules) {
      throw new AudienceCompileError(`Dynamic audience ${audience.id} has no rules`);
    }
    parts.push(compileGroup(audience.rules, params, r));
  }
  if (audience.exclude.rules) {
    parts.push(`NOT ${compileGroup(audience.exclude.rules, params, r)}`);
  }
  for (const id of audience.exclude.audienceIds) {
    const excluded = resolve(id);
    if (!excluded) {
      throw new AudienceCompileError(`Excluded audience ${id} does not exist`);
    }
    parts.push(`NOT (${compileAudience(excluded, params, resolve, r, [...trail, audience.id])})`);
  }
  return `(${parts.join(' AND ')})`;
}
