import { type CalendarTemplate } from '@app/kakao-client';

import { type BlastMessage } from './blast.entity';

/** The `calendar` template (5.3) a blast sends: Kakao adds its own fixed "add" button. */
export function calendarTemplate(message: BlastMessage, kakaoTargetId: string): CalendarTemplate {
  const link = { web_url: message.webUrl, mobile_web_url: message.mobileWebUrl };
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
        link: { web_url: message.button.webUrl, mobile_web_url: message.button.mobileWebUrl },
      },
    ];
  }
  return template;
}
