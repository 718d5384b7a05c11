import EventIcon from '@mui/icons-material/Event';
import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

import { type IdType } from '@admin/blasts/types';

export interface CalendarMessagePreviewProps {
  idType: IdType;
  title?: string | null;
  description?: string | null;
  imageUrl?: string | null;
  imageWidth?: number | null;
  imageHeight?: number | null;
  /** The optional custom button (at most one); shown once it has a title. */
  button?: { title: string } | null;
  /** Who the message comes from: the channel's name. */
  senderName?: string;
}

/** KakaoTalk's chat room, bubble and button colours. */
const KAKAO = {
  room: '#b2c7da',
  bubble: '#ffffff',
  header: '#fee500',
  headerText: '#3c1e1e',
  button: '#f2f3f5',
  buttonText: '#191919',
  title: '#191919',
  description: '#6b6b6b',
} as const;

const isWebUrl = (url: string): boolean => /^https?:\/\/\S+$/i.test(url);

function MessageImage({ url, ratio }: { url: string; ratio: string | undefined }) {
  const translate = useTranslate();
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <Box
        sx={{ p: 2, bgcolor: 'grey.200', textAlign: 'center' }}
        data-testid="preview-image-unavailable"
      >
        <Typography variant="caption" color="text.secondary">
          {translate('app.common.image_unavailable')}
        </Typography>
      </Box>
    );
  }
  return (
    <Box
      component="img"
      src={url}
      alt=""
      onError={() => setFailed(true)}
      data-testid="preview-image"
      sx={{
        display: 'block',
        width: '100%',
        aspectRatio: ratio ?? '2 / 1',
        objectFit: 'cover',
        bgcolor: 'grey.100',
      }}
    />
  );
}

function BubbleButton({ label, testId }: { label: string; testId: string }) {
  return (
    <Box
      data-testid={testId}
      sx={{
        flex: 1,
        minWidth: 0,
        py: 1,
        px: 1,
        borderRadius: '6px',
        bgcolor: KAKAO.button,
        color: KAKAO.buttonText,
        fontSize: 13,
        fontWeight: 500,
        textAlign: 'center',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
      }}
    >
      {label}
    </Box>
  );
}

/**
 * The blast's `calendar` message (Kakao's template 5.3) drawn as KakaoTalk shows it: a white
 * bubble in the chat room with the image, the title and description (four lines at most), Kakao's
 * own button (add the event, or subscribe to the calendar) and the optional custom button.
 */
export function CalendarMessagePreview({
  idType,
  title,
  description,
  imageUrl,
  imageWidth,
  imageHeight,
  button,
  senderName,
}: CalendarMessagePreviewProps) {
  const translate = useTranslate();
  const image = imageUrl?.trim() ?? '';
  const showImage = isWebUrl(image);
  const ratio =
    imageWidth && imageHeight && imageWidth > 0 && imageHeight > 0
      ? `${imageWidth} / ${imageHeight}`
      : undefined;
  const heading = title?.trim() ?? '';
  const body = description?.trim() ?? '';
  const customTitle = button?.title.trim() ?? '';
  const empty = heading === '' && body === '' && !showImage;
  return (
    <Box
      data-testid="calendar-message-preview"
      data-id-type={idType}
      sx={{ bgcolor: KAKAO.room, borderRadius: 2, p: 2, width: 340, maxWidth: '100%' }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <Box
          aria-hidden
          sx={{
            width: 36,
            height: 36,
            flex: 'none',
            borderRadius: '14px',
            bgcolor: KAKAO.header,
            color: KAKAO.headerText,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontWeight: 700,
            fontSize: 15,
          }}
        >
          {(senderName ?? 'K').slice(0, 1)}
        </Box>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          {senderName ? (
            <Typography sx={{ fontSize: 12, color: '#4a4a4a', mb: 0.5 }}>{senderName}</Typography>
          ) : null}
          <Box
            sx={{
              width: 260,
              maxWidth: '100%',
              bgcolor: KAKAO.bubble,
              borderRadius: '12px',
              overflow: 'hidden',
              boxShadow: '0 1px 1px rgba(0, 0, 0, 0.06)',
            }}
          >
            <Box
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 0.5,
                px: 1.5,
                py: 0.75,
                bgcolor: KAKAO.header,
                color: KAKAO.headerText,
                fontSize: 12,
                fontWeight: 600,
              }}
            >
              <EventIcon sx={{ fontSize: 16 }} />
              {translate('app.blasts.preview.header')}
            </Box>
            {showImage ? <MessageImage key={image} url={image} ratio={ratio} /> : null}
            <Box sx={{ px: 1.5, pt: 1.5, pb: 1 }}>
              {empty ? (
                <Typography sx={{ fontSize: 13, color: KAKAO.description, fontStyle: 'italic' }}>
                  {translate('app.blasts.preview.empty')}
                </Typography>
              ) : null}
              {heading ? (
                <Typography
                  data-testid="preview-title"
                  sx={{
                    fontSize: 15,
                    fontWeight: 700,
                    color: KAKAO.title,
                    lineHeight: 1.35,
                    wordBreak: 'break-word',
                    display: '-webkit-box',
                    WebkitLineClamp: 2,
                    WebkitBoxOrient: 'vertical',
                    overflow: 'hidden',
                  }}
                >
                  {heading}
                </Typography>
              ) : null}
              {body ? (
                <Typography
                  data-testid="preview-description"
                  sx={{
                    mt: 0.5,
                    fontSize: 13,
                    color: KAKAO.description,
                    lineHeight: 1.4,
                    whiteSpace: 'pre-line',
                    wordBreak: 'break-word',
                    display: '-webkit-box',
                    // Title and description share four lines in Kakao's bubble.
                    WebkitLineClamp: heading ? 2 : 4,
                    WebkitBoxOrient: 'vertical',
                    overflow: 'hidden',
                  }}
                >
                  {body}
                </Typography>
              ) : null}
            </Box>
            <Box sx={{ display: 'flex', gap: 0.75, px: 1.5, pb: 1.5 }}>
              <BubbleButton
                testId="preview-fixed-button"
                label={translate(
                  idType === 'calendar'
                    ? 'app.blasts.preview.subscribe'
                    : 'app.blasts.preview.add_to_calendar',
                )}
              />
              {customTitle ? (
                <BubbleButton testId="preview-custom-button" label={customTitle} />
              ) : null}
            </Box>
          </Box>
        </Box>
      </Box>
    </Box>
  );
}
