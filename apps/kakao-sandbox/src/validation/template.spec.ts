import { KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import { canonicalJson } from '@app/kakao-sandbox/validation/canonical-json';
import { validateTemplate } from '@app/kakao-sandbox/validation/template';

const calendar = {
  object_type: 'calendar',
  id_type: 'event',
  id: 'ev_7f3c',
  content: {
    title: 'Spring Pop-up',
    description: '4/12–4/14 Seongsu',
    image_url: 'https://cdn.example.com/popup.png',
    link: { web_url: 'https://example.com/popup', mobile_web_url: 'https://m.example.com/popup' },
  },
  buttons: [{ title: 'Details', link: { web_url: 'https://example.com/popup' } }],
};

function codeOf(raw: unknown): number | undefined {
  try {
    validateTemplate(raw);
    return undefined;
  } catch (error) {
    return error instanceof KakaoError ? error.code : NaN;
  }
}

describe('validateTemplate', () => {
  it('accepts the calendar template of 5.3 as a string or an object', () => {
    const fromString = validateTemplate(JSON.stringify(calendar));
    expect(fromString).toMatchObject({
      objectType: 'calendar',
      target: { idType: 'event', id: 'ev_7f3c' },
      hasCustomButton: true,
    });
    expect(validateTemplate(calendar).json).toBe(fromString.json);
  });

  it('identifies a template by canonical JSON regardless of key order', () => {
    const reordered = {
      content: calendar.content,
      id: 'ev_7f3c',
      object_type: 'calendar',
      id_type: 'event',
    };
    const withoutButtons = { ...calendar, buttons: undefined };
    expect(validateTemplate(reordered).json).toBe(validateTemplate(withoutButtons).json);
    expect(canonicalJson({ b: [2, { d: 1, c: 2 }], a: 'x' })).toBe(
      '{"a":"x","b":[2,{"c":2,"d":1}]}',
    );
  });

  it.each([
    ['a wrong object_type', { ...calendar, object_type: 'calendars' }],
    ['a wrong id_type', { ...calendar, id_type: 'channel' }],
    ['a missing id', { ...calendar, id: undefined }],
    ['a missing content', { ...calendar, content: undefined }],
    ['a missing content.link', { ...calendar, content: { title: 'x' } }],
    ['an empty link', { ...calendar, content: { title: 'x', link: {} } }],
    [
      'content without title, description or image',
      { ...calendar, content: { link: { web_url: 'x' } } },
    ],
    ['two buttons', { ...calendar, buttons: [calendar.buttons[0], calendar.buttons[0]] }],
    ['a button without title', { ...calendar, buttons: [{ link: { web_url: 'x' } }] }],
    ['a small image', { ...calendar, content: { ...calendar.content, image_width: 100 } }],
  ])('rejects %s', (_case, template) => {
    expect(codeOf(template)).toBe(-2);
  });

  it('rejects broken JSON, non-objects and templates over 10 KB', () => {
    expect(codeOf('{"object_type":')).toBe(-2);
    expect(codeOf('[]')).toBe(-2);
    const huge = {
      ...calendar,
      content: { ...calendar.content, description: 'x'.repeat(11 * 1024) },
    };
    expect(codeOf(JSON.stringify(huge))).toBe(-2);
  });

  it('checks only object_type for the other default templates', () => {
    for (const objectType of ['feed', 'list', 'location', 'commerce', 'text']) {
      expect(validateTemplate({ object_type: objectType, anything: true }).objectType).toBe(
        objectType,
      );
    }
    expect(codeOf({ object_type: 'video' })).toBe(-2);
  });
});
