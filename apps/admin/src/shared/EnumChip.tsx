import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export type EnumName =
  | 'syncState'
  | 'approvalState'
  | 'kakaoState'
  | 'role'
  | 'approvalDecision'
  | 'blastState'
  | 'runState'
  | 'deliveryState'
  | 'consentState'
  | 'channelRelation'
  | 'importState'
  | 'audienceKind'
  | 'userStatus';

const COLORS: Record<EnumName, Record<string, ChipProps['color']>> = {
  syncState: {
    draft: 'default',
    publishing: 'info',
    published: 'success',
    changed_since_publish: 'warning',
    unpublishing: 'info',
    failed: 'error',
  },
  approvalState: { draft: 'default', submitted: 'info', approved: 'success', rejected: 'error' },
  kakaoState: { unknown: 'default', in_sync: 'success', drifted: 'warning', missing: 'error' },
  role: { marketer: 'primary', manager: 'success', scheduler: 'info', admin: 'warning' },
  approvalDecision: {
    submitted: 'info',
    approved: 'success',
    rejected: 'error',
    imported: 'success',
  },
  blastState: {
    draft: 'default',
    scheduled: 'info',
    active: 'primary',
    finished: 'success',
    cancelled: 'warning',
  },
  runState: {
    pending: 'default',
    sending: 'primary',
    paused: 'warning',
    completed: 'success',
    cancelled: 'default',
  },
  deliveryState: {
    pending: 'default',
    sending: 'info',
    sent: 'success',
    failed: 'error',
    skipped: 'default',
    unknown: 'warning',
  },
  consentState: { active: 'success', needs_consent: 'warning', revoked: 'error' },
  channelRelation: { ADDED: 'success', BLOCKED: 'error', NONE: 'default', UNKNOWN: 'default' },
  importState: {
    uploading: 'info',
    queued: 'default',
    processing: 'info',
    completed: 'success',
    failed: 'error',
  },
  audienceKind: { dynamic: 'primary', static: 'secondary' },
  userStatus: { active: 'success', disabled: 'default' },
};

export interface EnumValueChipProps {
  enumName: EnumName;
  value: string | null | undefined;
}

/** A translated enum value (`app.enums.<enum>.<value>`) as a coloured chip. */
export function EnumValueChip({ enumName, value }: EnumValueChipProps) {
  const translate = useTranslate();
  if (!value) {
    return null;
  }
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[enumName][value] ?? 'default'}
      label={translate(`app.enums.${enumName}.${value}`, { _: value })}
      data-enum={enumName}
      data-value={value}
    />
  );
}

export interface EnumChipFieldProps {
  source: string;
  enumName: EnumName;
  label?: string;
}

/** The record's enum field as a chip. */
export function EnumChipField({ source, enumName }: EnumChipFieldProps) {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source];
  return <EnumValueChip enumName={enumName} value={typeof value === 'string' ? value : null} />;
}
