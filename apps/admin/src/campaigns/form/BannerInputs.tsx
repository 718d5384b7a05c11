import { Box } from '@mui/material';
import { TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { type CampaignFormValues } from '@admin/campaigns/campaignForm';
import { ImagePreview } from '@admin/campaigns/ImagePreview';

/** Banner images (with previews on the chosen background), its links, and the reminder button. */
export function BannerInputs() {
  const banner = useWatch<CampaignFormValues, 'content.banner'>({ name: 'content.banner' });
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
        <Box sx={{ flex: '1 1 320px' }}>
          <TextInput source="content.banner.pcImageUrl" type="url" fullWidth />
          <ImagePreview
            url={banner?.pcImageUrl}
            background={banner?.bgColor}
            label="app.campaign.banner.pc"
          />
        </Box>
        <Box sx={{ flex: '1 1 320px' }}>
          <TextInput source="content.banner.mobileImageUrl" type="url" fullWidth />
          <ImagePreview
            url={banner?.mobileImageUrl}
            background={banner?.bgColor}
            label="app.campaign.banner.mobile"
            width={200}
          />
        </Box>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput source="content.banner.bgColor" placeholder="#FEE500" sx={{ width: 180 }} />
        <TextInput source="content.banner.webUrl" type="url" sx={{ flex: '1 1 280px' }} />
        <TextInput source="content.banner.mobileWebUrl" type="url" sx={{ flex: '1 1 280px' }} />
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput source="content.reminderButton.title" sx={{ width: 240 }} />
        <TextInput source="content.reminderButton.webUrl" type="url" sx={{ flex: '1 1 280px' }} />
        <TextInput
          source="content.reminderButton.mobileWebUrl"
          type="url"
          sx={{ flex: '1 1 280px' }}
        />
      </Box>
    </Box>
  );
}
