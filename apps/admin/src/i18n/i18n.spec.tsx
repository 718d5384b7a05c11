/**
 * @jest-environment node
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { en } from '@admin/i18n/en';
import { ko } from '@admin/i18n/ko';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      out.set(path, value);
    } else {
      for (const [leaf, text] of leaves(value, path)) {
        out.set(leaf, text);
      }
    }
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      return sources(path);
    }
    return /\.tsx?$/.test(entry) && !/\.spec\.tsx$/.test(entry) ? [path] : [];
  });
}

const english = leaves(en as unknown as Tree);
const korean = leaves(ko as unknown as Tree);

describe('translations', () => {
  it('have the same keys in Korean and English', () => {
    expect([...korean.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !korean.has(key))).toEqual([]);
  });

  it('translate into Korean (no English copied over)', () => {
    const untranslated = [...korean.entries()].filter(([key, text]) => {
      const words = text.replace(/%\{[^}]+\}/g, '');
      return /[A-Za-z]{4,}/.test(words) && !/[가-힣]/.test(words) && english.get(key) === text;
    });
    // Names that stay as they are in Korean UIs.
    const allowed = new Set(['app.recurrence.rule']);
    expect(untranslated.map(([key]) => key).filter((key) => !allowed.has(key))).toEqual([]);
  });

  it('cover every key the screens ask for', () => {
    const root = join(__dirname, '..');
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /['"`]((?:app|resources|ra)\.[A-Za-z0-9_.-]+[A-Za-z0-9_])['"`]/g,
      )) {
        used.add(match[1]);
      }
    }
    const missing = [...used].filter((key) => !english.has(key) || !korean.has(key));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });
});
