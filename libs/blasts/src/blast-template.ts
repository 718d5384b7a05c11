import { type CalendarTemplate } from '@app/kakao-client';

import { type BlastMessage } from './blast.entity';

/** A recipient's own tracking links, standing in for the message's links. */
export interface RecipientLinks {
  content: string;
  button: string;
}

/**
 * The `calendar` template (5.3) a blast sends: Kakao adds its own fixed "add" button. With
 * `links`, the content link and the custom button lead through the recipient's tracking links.
 */
export function calendarTemplate(
  message: BlastMessage,
  kakaoTargetId: string,
  links?: RecipientLinks,
): CalendarTemplate {
  const link = links
    ? { web_url: links.content, mobile_web_url: links.content }
    : { web_url: message.webUrl, mobile_web_url: message.mobileWebUrl };
  const template: CalendarTemplate = {
    object_type: 'calendar',
    id_type: message.idType,
    id: kakaoTargetId,
    content: {
      title: message.title,
      description: message.description,
      image_url: message.imageUrl,
      image_width: message.imageWidth,
      image_height: message.imageHeight,
      link,
    },
  };
  if (message.button) {
    template.buttons = [
      {
        title: message.button.title,
        link: links
          ? { web_url: links.button, mobile_web_url: links.button }
          : { web_url: message.button.webUrl, mobile_web_url: message.button.mobileWebUrl },
      },
    ];
  }
  return template;
}
