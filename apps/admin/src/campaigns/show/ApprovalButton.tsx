import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import SendIcon from '@mui/icons-material/Send';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';

import { ApprovalDiff } from '@admin/campaigns/show/ApprovalDiff';
import { useCampaignAction } from '@admin/campaigns/show/useCampaignAction';
import { type Campaign } from '@admin/campaigns/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';

export type ApprovalStep = 'submit' | 'approve' | 'reject';

const STEP = {
  submit: {
    icon: <SendIcon />,
    title: 'app.campaign.dialogs.submit_title',
    done: 'app.campaign.notifications.submitted',
    allowed: (campaign: Campaign) =>
      campaign.approvalState === 'draft' || campaign.approvalState === 'rejected',
  },
  approve: {
    icon: <CheckIcon />,
    title: 'app.campaign.dialogs.approve_title',
    done: 'app.campaign.notifications.approved',
    allowed: (campaign: Campaign) => campaign.approvalState === 'submitted',
  },
  reject: {
    icon: <CloseIcon />,
    title: 'app.campaign.dialogs.reject_title',
    done: 'app.campaign.notifications.rejected',
    allowed: (campaign: Campaign) => campaign.approvalState === 'submitted',
  },
} as const;

/**
 * Submit, approve or reject with a comment. Shown only to roles that may take the step, and only
 * when the campaign is in a state that allows it; a rejection needs a comment.
 */
export function ApprovalButton({ step }: { step: ApprovalStep }) {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const { canAccess } = useCanAccess({ resource: 'campaigns', action: step });
  const { mutate, isPending } = useCampaignAction(
    ({ id, text }: { id: string; text: string }) => dataProvider[step](id, text),
    STEP[step].done,
    () => {
      setOpen(false);
      setComment('');
    },
  );
  if (!campaign || !canAccess || campaign.archived || !STEP[step].allowed(campaign)) {
    return null;
  }
  const needsComment = step === 'reject';
  const label = `app.campaign.actions.${step}`;
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} data-testid={`campaign-${step}`}>
        {STEP[step].icon}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth={step === 'approve' ? 'md' : 'sm'}
      >
        <DialogTitle>
          {translate(STEP[step].title, {
            name: campaign.name,
            revision: campaign.submittedRevision ?? campaign.revision,
          })}
        </DialogTitle>
        <DialogContent>
          {step === 'approve' ? <ApprovalDiff campaign={campaign} /> : null}
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={translate(
              needsComment
                ? 'app.campaign.dialogs.comment'
                : 'app.campaign.dialogs.comment_optional',
            )}
            helperText={needsComment ? translate('app.campaign.dialogs.comment_required') : ' '}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'approval-comment', maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label={label}
            variant="contained"
            disabled={isPending || (needsComment && comment.trim() === '')}
            onClick={() => mutate({ id: campaign.id, text: comment })}
            data-testid="approval-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
}
