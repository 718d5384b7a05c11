/**
 * Bull Board picks its language from its own stored settings, then the browser's; the console
 * shares its origin, so it writes its own language there before the board loads. The key and
 * shape are Bull Board's persisted settings (`board-settings`, zustand `{ state, version }`).
 */
export const BOARD_SETTINGS_KEY = 'board-settings';
const BOARD_SETTINGS_VERSION = 2;

const BOARD_LANGUAGES: Record<string, string> = { ko: 'ko-KR', en: 'en-US' };

export function boardLanguage(locale: string): string {
  return BOARD_LANGUAGES[locale] ?? 'en-US';
}

/** The stored settings with the console's language, everything else the operator chose kept. */
export function boardSettingsWithLanguage(stored: string | null, locale: string): string {
  let settings: { state?: Record<string, unknown>; version?: number } = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (typeof parsed === 'object' && parsed !== null) {
      settings = parsed;
    }
  } catch {
    // Unreadable settings are replaced rather than left to break the board.
  }
  return JSON.stringify({
    ...settings,
    state: { ...(settings.state ?? {}), language: boardLanguage(locale) },
    version: settings.version ?? BOARD_SETTINGS_VERSION,
  });
}

export function setBoardLanguage(locale: string): void {
  try {
    window.localStorage.setItem(
      BOARD_SETTINGS_KEY,
      boardSettingsWithLanguage(window.localStorage.getItem(BOARD_SETTINGS_KEY), locale),
    );
  } catch {
    // Storage may be off (private mode): the board then follows the browser.
  }
}
