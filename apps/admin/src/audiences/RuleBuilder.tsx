import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import {
  Autocomplete,
  Box,
  Chip,
  FormControl,
  FormHelperText,
  IconButton,
  InputAdornment,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
} from '@mui/material';
import { type ReactNode, useCallback, useId } from 'react';
import { Button, useInput, useTranslate, ValidationError } from 'react-admin';
import { get, useFormState } from 'react-hook-form';

import {
  appendChild,
  buildRuleGroup,
  canNestGroup,
  changeField,
  changeOperator,
  choicesOf,
  countRules,
  type GroupDraft,
  isGroupDraft,
  isMissingValue,
  newGroup,
  newRule,
  PROBLEM_ARGS,
  removeNode,
  RULE_FIELDS,
  RULE_LIMITS,
  RULE_OPERATORS,
  type RuleDraft,
  type RuleField,
  updateNode,
  valueInputOf,
} from '@admin/audiences/rules';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';

type Edit = (change: (root: GroupDraft) => GroupDraft) => void;
type MessageAt = (path: string) => string | undefined;

function Problem({ message }: { message: string | undefined }) {
  if (message === undefined) {
    return null;
  }
  return (
    <FormHelperText error data-testid="rule-problem">
      <ValidationError error={{ message, args: PROBLEM_ARGS }} />
    </FormHelperText>
  );
}

interface PickProps {
  label: string;
  value: string;
  options: readonly { id: string; name: string }[];
  onChange: (value: string) => void;
  testId: string;
  width: number;
  error?: boolean;
}

/** A labelled select of a rule row. */
function Pick({ label, value, options, onChange, testId, width, error }: PickProps) {
  const id = useId();
  return (
    <FormControl size="small" sx={{ width }} error={error}>
      <InputLabel id={id}>{label}</InputLabel>
      <Select
        labelId={id}
        label={label}
        value={value}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <MenuItem key={option.id} value={option.id}>
            {option.name}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

interface ValueProps {
  rule: RuleDraft;
  onChange: (rule: RuleDraft) => void;
  error: boolean;
}

/** The value input the row's field and operator need. */
function ValueInput({ rule, onChange, error }: ValueProps) {
  const translate = useTranslate();
  const label = translate('app.audience.builder.value');
  const input = valueInputOf(rule.field, rule.operator);
  const setValue = (value: string) => onChange({ ...rule, value });
  switch (input) {
    case 'none':
      return null;
    case 'tags':
    case 'texts':
      return (
        <Autocomplete<string, true, false, true>
          multiple
          freeSolo
          autoSelect
          options={[]}
          value={rule.values}
          onChange={(_event, values) =>
            onChange({ ...rule, values: values.flatMap((value) => value.split(',')) })
          }
          renderValue={(values, getItemProps) =>
            values.map((value, index) => {
              const { key, ...chipProps } = getItemProps({ index });
              return <Chip key={key} size="small" label={value} {...chipProps} />;
            })
          }
          renderInput={(params) => (
            <TextField
              {...params}
              size="small"
              label={label}
              error={error}
              helperText={translate(
                input === 'tags'
                  ? 'app.audience.builder.tags_hint'
                  : 'app.audience.builder.list_hint',
              )}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'rule-value' },
              }}
            />
          )}
          sx={{ minWidth: 180, flex: '1 1 180px' }}
        />
      );
    case 'choices': {
      const id = `${rule.key}-values`;
      return (
        <FormControl size="small" sx={{ minWidth: 220 }} error={error}>
          <InputLabel id={id}>{label}</InputLabel>
          <Select<string[]>
            labelId={id}
            label={label}
            multiple
            value={rule.values}
            data-testid="rule-values"
            onChange={(event) => {
              const { value } = event.target;
              onChange({ ...rule, values: typeof value === 'string' ? value.split(',') : value });
            }}
            renderValue={(values) =>
              values.map((value) => translate(`app.enums.${rule.field}.${value}`)).join(', ')
            }
          >
            {choicesOf(rule.field).map((choice) => (
              <MenuItem key={choice} value={choice}>
                {translate(`app.enums.${rule.field}.${choice}`)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      );
    }
    case 'choice':
      return (
        <Pick
          label={label}
          value={rule.value}
          onChange={setValue}
          testId="rule-choice"
          width={200}
          error={error}
          options={choicesOf(rule.field).map((choice) => ({
            id: choice,
            name: translate(`app.enums.${rule.field}.${choice}`),
          }))}
        />
      );
    case 'exists':
      return (
        <Pick
          label={label}
          value={rule.value}
          onChange={setValue}
          testId="rule-exists"
          width={180}
          options={['true', 'false'].map((value) => ({
            id: value,
            name: translate(`app.audience.exists.${value}`),
          }))}
        />
      );
    case 'days':
      return (
        <TextField
          size="small"
          type="number"
          label={label}
          value={rule.value}
          error={error}
          onChange={(event) => setValue(event.target.value)}
          slotProps={{
            htmlInput: { min: 1, max: RULE_LIMITS.maxDays, 'data-testid': 'rule-value' },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  {translate('app.audience.builder.days_unit')}
                </InputAdornment>
              ),
            },
          }}
          sx={{ width: 160 }}
        />
      );
    case 'date':
      return (
        <TextField
          size="small"
          type="date"
          label={label}
          value={rule.value}
          error={error}
          onChange={(event) => setValue(event.target.value)}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'rule-value' },
          }}
          sx={{ width: 180 }}
        />
      );
    case 'text':
      return (
        <TextField
          size="small"
          label={label}
          value={rule.value}
          error={error}
          onChange={(event) => setValue(event.target.value)}
          helperText={
            rule.operator === 'contains' ? ' ' : translate('app.audience.builder.scalar_hint')
          }
          slotProps={{ htmlInput: { 'data-testid': 'rule-value' } }}
          sx={{ minWidth: 140, flex: '1 1 140px' }}
        />
      );
  }
}

interface RowProps {
  rule: RuleDraft;
  path: number[];
  at: string;
  edit: Edit;
  messageAt: MessageAt;
}

function RuleRow({ rule, path, at, edit, messageAt }: RowProps) {
  const translate = useTranslate();
  const set = (next: RuleDraft) => edit((root) => updateNode(root, path, () => next));
  const fieldMessage = messageAt(`${at}.field`) ?? messageAt(`${at}.operator`);
  const valueMessage = messageAt(`${at}.value`) ?? messageAt(at);
  return (
    <Box data-testid="rule-row" data-field={rule.field}>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        <Pick
          label={translate('app.audience.builder.field')}
          value={rule.field}
          onChange={(field) => set(changeField(rule, field as RuleField))}
          testId="rule-field"
          width={170}
          options={RULE_FIELDS.map((field) => ({
            id: field,
            name: translate(`app.audience.fields.${field}`),
          }))}
        />
        {rule.field === 'attribute' ? (
          <TextField
            size="small"
            label={translate('app.audience.builder.attribute')}
            value={rule.attribute}
            error={fieldMessage !== undefined}
            onChange={(event) => set({ ...rule, attribute: event.target.value })}
            slotProps={{ htmlInput: { 'data-testid': 'rule-attribute', maxLength: 64 } }}
            sx={{ width: 140 }}
          />
        ) : null}
        <Pick
          label={translate('app.audience.builder.operator')}
          value={rule.operator}
          onChange={(operator) => set(changeOperator(rule, operator))}
          testId="rule-operator"
          width={180}
          options={RULE_OPERATORS[rule.field].map((operator) => ({
            id: operator,
            name: translate(`app.audience.operators.${rule.field}.${operator}`),
          }))}
        />
        <ValueInput rule={rule} onChange={set} error={valueMessage !== undefined} />
        <Tooltip title={translate('app.audience.builder.remove')}>
          <IconButton
            aria-label={translate('app.audience.builder.remove')}
            onClick={() => edit((root) => removeNode(root, path))}
            data-testid="rule-remove"
          >
            <DeleteOutlinedIcon />
          </IconButton>
        </Tooltip>
      </Stack>
      <Problem message={fieldMessage ?? valueMessage} />
    </Box>
  );
}

interface GroupProps {
  group: GroupDraft;
  path: number[];
  at: string;
  edit: Edit;
  messageAt: MessageAt;
  /** The remove button of a nested group. */
  onRemove?: () => void;
  total: number;
}

function GroupEditor({ group, path, at, edit, messageAt, onRemove, total }: GroupProps) {
  const translate = useTranslate();
  const full = total >= RULE_LIMITS.maxRules || group.children.length >= RULE_LIMITS.maxChildren;
  let body: ReactNode = group.children.map((child, index) => {
    const childPath = [...path, index];
    const childAt = `${at}.children[${index}]`;
    return isGroupDraft(child) ? (
      <GroupEditor
        key={child.key}
        group={child}
        path={childPath}
        at={childAt}
        edit={edit}
        messageAt={messageAt}
        total={total}
        onRemove={() => edit((root) => removeNode(root, childPath))}
      />
    ) : (
      <RuleRow
        key={child.key}
        rule={child}
        path={childPath}
        at={childAt}
        edit={edit}
        messageAt={messageAt}
      />
    );
  });
  if (group.children.length === 0) {
    body = <Problem message={messageAt(`${at}.children`)} />;
  }
  return (
    <Box
      data-testid="rule-group"
      data-depth={path.length + 1}
      sx={{
        borderLeft: 3,
        borderColor: group.combinator === 'and' ? 'primary.main' : 'secondary.main',
        pl: 2,
        py: 1,
        display: 'flex',
        flexDirection: 'column',
        gap: 1.5,
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={group.combinator}
          onChange={(_event, combinator: 'and' | 'or' | null) => {
            if (combinator) {
              edit((root) => updateNode(root, path, (node) => ({ ...node, combinator })));
            }
          }}
        >
          {(['and', 'or'] as const).map((combinator) => (
            <ToggleButton
              key={combinator}
              value={combinator}
              data-testid={`combinator-${combinator}`}
              sx={{ px: 1.5 }}
            >
              {translate(`app.audience.combinator.${combinator}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {onRemove ? (
          <Tooltip title={translate('app.audience.builder.remove_group')}>
            <IconButton
              aria-label={translate('app.audience.builder.remove_group')}
              onClick={onRemove}
              data-testid="group-remove"
            >
              <DeleteOutlinedIcon />
            </IconButton>
          </Tooltip>
        ) : null}
      </Stack>
      {body}
      <Stack direction="row" spacing={1}>
        <Button
          label="app.audience.builder.add_rule"
          onClick={() => edit((root) => appendChild(root, path, newRule()))}
          disabled={full}
          data-testid="add-rule"
        >
          <AddIcon />
        </Button>
        {canNestGroup(path) ? (
          <Button
            label="app.audience.builder.add_group"
            onClick={() =>
              edit((root) =>
                appendChild(root, path, newGroup(group.combinator === 'and' ? 'or' : 'and')),
              )
            }
            disabled={full}
            data-testid="add-group"
          >
            <AccountTreeIcon />
          </Button>
        ) : null}
      </Stack>
    </Box>
  );
}

function asDraft(value: unknown): GroupDraft | null {
  return typeof value === 'object' && value !== null && 'children' in value
    ? (value as GroupDraft)
    : null;
}

export interface RuleBuilderInputProps {
  /** The form field holding the rows: `rules` or `exclude.rules` (the API's paths). */
  source: string;
}

/**
 * AND/OR groups of field / operator / value rows, nested up to the API's depth. Rows left empty
 * are flagged once the person tries to save; the API's own answers land on the row they name.
 */
export function RuleBuilderInput({ source }: RuleBuilderInputProps) {
  const { timeZone } = useCurrentChannel();
  const validate = useCallback(
    (value: unknown) => {
      const draft = asDraft(value);
      return draft && Object.keys(buildRuleGroup(draft, timeZone, source).problems).length > 0
        ? 'app.audience.problems.incomplete'
        : undefined;
    },
    [timeZone, source],
  );
  const { field } = useInput({ source, validate });
  const { errors, isSubmitted } = useFormState({ name: source });
  const draft = asDraft(field.value);
  if (draft === null) {
    return null;
  }
  const { problems } = buildRuleGroup(draft, timeZone, source);
  const messageAt: MessageAt = (path) => {
    const local = problems[path];
    if (local !== undefined && (isSubmitted || !isMissingValue(local))) {
      return local;
    }
    const server = get<typeof errors, { message?: unknown } | undefined>(errors, path)?.message;
    return typeof server === 'string' && server !== '' ? server : undefined;
  };
  const edit: Edit = (change) => field.onChange(change(asDraft(field.value) ?? draft));
  return (
    <Box data-testid={`rule-builder-${source}`} sx={{ width: '100%' }}>
      <GroupEditor
        group={draft}
        path={[]}
        at={source}
        edit={edit}
        messageAt={messageAt}
        total={countRules(draft)}
      />
      <Problem message={messageAt(source)} />
    </Box>
  );
}
