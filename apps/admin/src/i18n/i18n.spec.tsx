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

  it('write Korean particles that fit the word before them', () => {
    // "을(를)" hedges read as machine text; a bare number placeholder cannot know its particle
    // ("2를" but "1을"), so numbers carry a counter word ("2번을") instead.
    const hedged = [...korean.entries()].filter(([, text]) =>
      /\((을|를|이|가|은|는|으|과|와)\)/.test(text),
    );
    expect(hedged.map(([key]) => key)).toEqual([]);
    const afterNumber = [...korean.entries()].filter(([, text]) =>
      /%\{(revision|count|smart_count|version|number)\}(을|를|이|가|은|는|과|와|으로)(?![가-힣])/.test(
        text,
      ),
    );
    expect(afterNumber.map(([key]) => key)).toEqual([]);
    // "지금에" is not Korean: "now" takes no particle.
    expect(
      [...korean.values()].filter((text) => text.includes('%{when}에') && text.includes('지금')),
    ).toEqual([]);
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
