import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';

/** The 15 Talk Calendar colours (3.1). */
export const COLORS = [
  'BLUE',
  'ROYAL_BLUE',
  'NAVY_BLUE',
  'RED',
  'PINK',
  'ORANGE',
  'GREEN',
  'LIME',
  'OLIVE',
  'MINT',
  'MAGENTA',
  'VIOLET',
  'LAVENDER',
  'BROWN',
  'GRAY',
] as const;

export type Color = (typeof COLORS)[number];

const COLOR_SET: ReadonlySet<string> = new Set(COLORS);

export function isColor(value: unknown): value is Color {
  return typeof value === 'string' && COLOR_SET.has(value);
}

export function parseColor(value: unknown, path: string): Color {
  if (!isColor(value)) {
    throw invalidParam(`${path} must be one of ${COLORS.join(', ')}`);
  }
  return value;
}
