/**
 * @jest-environment node
 */
import { boardLanguage, boardSettingsWithLanguage } from '@admin/queue-board/boardLanguage';

describe('queue board language', () => {
  it('follows the console language', () => {
    expect(boardLanguage('en')).toBe('en-US');
    expect(boardLanguage('ko')).toBe('ko-KR');
    expect(JSON.parse(boardSettingsWithLanguage(null, 'en'))).toEqual({
      state: { language: 'en-US' },
      version: 2,
    });
  });

  it('keeps the other settings the operator chose', () => {
    const stored = JSON.stringify({
      state: { language: 'ko-KR', pollingInterval: 10, theme: 'dark' },
      version: 2,
    });
    expect(JSON.parse(boardSettingsWithLanguage(stored, 'en'))).toEqual({
      state: { language: 'en-US', pollingInterval: 10, theme: 'dark' },
      version: 2,
    });
    expect(JSON.parse(boardSettingsWithLanguage('{not json', 'ko'))).toEqual({
      state: { language: 'ko-KR' },
      version: 2,
    });
  });
});
