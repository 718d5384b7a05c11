import {
  buildExclusions,
  buildRuleGroup,
  type GroupDraft,
  newGroup,
  newRule,
  type Problems,
  ruleGroupToDraft,
} from '@admin/audiences/rules';
import {
  type Audience,
  type AudienceDefinition,
  type AudienceKind,
  type AudienceUpdate,
  type AudienceWrite,
} from '@admin/audiences/types';

/**
 * What the audience form edits. Rules are the builder's rows; field names match the API's
 * (`rules`, `exclude.audienceIds`, `exclude.rules`) so its errors land where they belong.
 */
export interface AudienceFormValues {
  id?: string;
  version?: number;
  name: string;
  description: string;
  kind: AudienceKind;
  /** Dynamic audiences only. */
  rules: GroupDraft | null;
  exclude: { audienceIds: string[]; rules: GroupDraft | null };
}

/** A new dynamic audience: people with active consent, to narrow down from. */
export function newAudienceValues(): AudienceFormValues {
  const consent = { ...newRule('consentState'), value: 'active' };
  return {
    name: '',
    description: '',
    kind: 'dynamic',
    rules: newGroup('and', [consent]),
    exclude: { audienceIds: [], rules: null },
  };
}

export function audienceToForm(audience: Audience, timeZone: string): AudienceFormValues {
  return {
    id: audience.id,
    version: audience.version,
    name: audience.name,
    description: audience.description ?? '',
    kind: audience.kind,
    rules: audience.rules ? ruleGroupToDraft(audience.rules, timeZone) : null,
    exclude: {
      audienceIds: [...audience.exclude.audienceIds],
      rules: audience.exclude.rules ? ruleGroupToDraft(audience.exclude.rules, timeZone) : null,
    },
  };
}

export interface BuiltDefinition {
  rules: AudienceWrite['rules'];
  exclude: AudienceWrite['exclude'];
  /** Rows still missing something, by the API's paths; empty when the rules can be sent. */
  problems: Problems;
}

/** The rules and exclusions of the form as the API takes them (static lists have no rules). */
export function buildDefinition(
  values: Pick<AudienceFormValues, 'kind' | 'rules' | 'exclude'>,
  timeZone: string,
): BuiltDefinition {
  const rules =
    values.kind === 'dynamic' && values.rules ? buildRuleGroup(values.rules, timeZone) : null;
  const exclude = buildExclusions(
    values.exclude?.audienceIds ?? [],
    values.exclude?.rules ?? null,
    timeZone,
  );
  return {
    rules: rules?.value,
    exclude: exclude.value,
    problems: { ...(rules?.problems ?? {}), ...exclude.problems },
  };
}

/** What the live size asks `POST /api/audiences/preview`, or null while rows are incomplete. */
export function previewRequest(
  values: Pick<AudienceFormValues, 'kind' | 'rules' | 'exclude'>,
  timeZone: string,
): AudienceDefinition | null {
  const built = buildDefinition(values, timeZone);
  if (values.kind !== 'dynamic' || !built.rules || Object.keys(built.problems).length > 0) {
    return null;
  }
  return { rules: built.rules, exclude: built.exclude };
}

const description = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function formToCreate(values: AudienceFormValues, timeZone: string): AudienceWrite {
  const built = buildDefinition(values, timeZone);
  return {
    name: values.name.trim(),
    description: description(values.description),
    kind: values.kind,
    ...(values.kind === 'dynamic' ? { rules: built.rules } : {}),
    exclude: built.exclude,
  };
}

/** `PUT /api/audiences/:id`: what may change plus the version the editor started from. */
export function formToUpdate(values: AudienceFormValues, timeZone: string): AudienceUpdate {
  const built = buildDefinition(values, timeZone);
  return {
    version: values.version ?? 0,
    name: values.name.trim(),
    description: description(values.description),
    ...(values.kind === 'dynamic' ? { rules: built.rules } : {}),
    exclude: built.exclude,
  };
}
