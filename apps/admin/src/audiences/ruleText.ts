import { type Rule } from '@admin/audiences/types';
import { type Translate } from '@admin/campaigns/recurrence';

/** The family of a rule's field: `attributes.age` is an `attribute` rule. */
function familyOf(field: string): string {
  return field.startsWith('attributes.') ? 'attribute' : field;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : String(value);
}

/**
 * One rule as a phrase in the user's language: "Tags has any of seoul, busan". `formatDay`
 * shows an instant as a day in the channel's time zone.
 */
export function describeRule(
  rule: Rule,
  translate: Translate,
  formatDay: (instant: string) => string,
): string {
  const family = familyOf(rule.field);
  const field =
    family === 'attribute'
      ? translate('app.audience.fields.attribute_named', {
          name: rule.field.slice('attributes.'.length),
        })
      : translate(`app.audience.fields.${family}`, { _: family });
  if (rule.operator === 'exists') {
    return translate('app.audience.rule_text_no_value', {
      field,
      operator: translate(`app.audience.exists.${rule.value === false ? 'false' : 'true'}`),
    });
  }
  const operator = translate(`app.audience.operators.${family}.${rule.operator}`, {
    _: rule.operator,
  });
  const values = rule.value === undefined ? [] : [rule.value].flat();
  if (values.length === 0) {
    return translate('app.audience.rule_text_no_value', { field, operator });
  }
  const text = values
    .map((value) => {
      if (family === 'consentState' || family === 'channelRelation') {
        return translate(`app.enums.${family}.${String(value)}`, { _: String(value) });
      }
      if (rule.operator === 'withinDays' || rule.operator === 'notWithinDays') {
        return translate('app.audience.days', { smart_count: Number(value) });
      }
      if (rule.operator === 'before' || rule.operator === 'after') {
        return formatDay(String(value));
      }
      return family === 'attribute' ? quoted(value) : String(value);
    })
    .join(', ');
  return translate('app.audience.rule_text', { field, operator, value: text });
}
