import { CreateChannels1764000000000 } from './1764000000000-CreateChannels';
import { CreateAccounts1764000100000 } from './1764000100000-CreateAccounts';
import { SealChannelRestApiKey1764000100001 } from './1764000100001-SealChannelRestApiKey';
import { CreateAuditLog1764000100002 } from './1764000100002-CreateAuditLog';
import { CreateCampaigns1764000200000 } from './1764000200000-CreateCampaigns';
import { CampaignListIndexes1764000200001 } from './1764000200001-CampaignListIndexes';
import { CreateRecipients1764000300000 } from './1764000300000-CreateRecipients';
import { CreateRecipientIngestAndImports1764000300001 } from './1764000300001-CreateRecipientIngestAndImports';
import { CreateAudiences1764000300002 } from './1764000300002-CreateAudiences';
import { CreateBlasts1764000400000 } from './1764000400000-CreateBlasts';
import { BlastLedgerCountsAndOpenIndex1764000400001 } from './1764000400001-BlastLedgerCountsAndOpenIndex';
import { CreateReach1764000500000 } from './1764000500000-CreateReach';
import { CreateWebhooks1764000600000 } from './1764000600000-CreateWebhooks';
import { CampaignSeriesEnd1764000700000 } from './1764000700000-CampaignSeriesEnd';
import { UserOperatorFlag1764000810000 } from './1764000810000-UserOperatorFlag';
import { RecipientImportAttempt1764000820000 } from './1764000820000-RecipientImportAttempt';
import { BlastLedgerLeanerIndexes1764000830000 } from './1764000830000-BlastLedgerLeanerIndexes';

/** Every migration, oldest first. New migrations are appended here. */
export const ALL_MIGRATIONS = [
  CreateChannels1764000000000,
  CreateAccounts1764000100000,
  SealChannelRestApiKey1764000100001,
  CreateAuditLog1764000100002,
  CreateCampaigns1764000200000,
  CampaignListIndexes1764000200001,
  CreateRecipients1764000300000,
  CreateRecipientIngestAndImports1764000300001,
  CreateAudiences1764000300002,
  CreateBlasts1764000400000,
  BlastLedgerCountsAndOpenIndex1764000400001,
  CreateReach1764000500000,
  CreateWebhooks1764000600000,
  CampaignSeriesEnd1764000700000,
  UserOperatorFlag1764000810000,
  RecipientImportAttempt1764000820000,
  BlastLedgerLeanerIndexes1764000830000,
];
