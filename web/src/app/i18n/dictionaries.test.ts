import { ERROR_CODES } from '@lmr/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

const dictionaries = { 'zh-CN': zhCN as Record<string, string>, en: en as Record<string, string> };

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe('message dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(Object.entries(dictionaries))('%s has no empty messages', (_language, messages) => {
    const empty = Object.entries(messages)
      .filter(([, message]) => message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in every language', () => {
    const mismatched = Object.keys(zhCN).filter(
      (key) => placeholders(dictionaries['zh-CN'][key]!).join() !== placeholders(dictionaries.en[key]!).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have a sentence for every API error code', () => {
    for (const code of [...ERROR_CODES, 'NETWORK', 'UNKNOWN']) {
      expect(dictionaries['zh-CN'][`error.${code}`], code).toBeTruthy();
      expect(dictionaries.en[`error.${code}`], code).toBeTruthy();
    }
  });
});

// Each feature's own words (features/*/messages.ts), checked the same way as the app's.
const featureModules = import.meta.glob<Record<string, { 'zh-CN': Record<string, string>; en: Record<string, string> }>>('../../features/*/messages.ts', {
  eager: true,
});
const featureDictionaries = Object.entries(featureModules).flatMap(([path, module]) =>
  Object.entries(module).map(([name, messages]) => [`${path}#${name}`, messages] as const),
);

describe('feature message dictionaries', () => {
  it('exist', () => {
    expect(featureDictionaries.length).toBeGreaterThanOrEqual(3);
  });

  it.each(featureDictionaries)('%s: same keys and placeholders in both languages, none empty', (_name, messages) => {
    const zh = messages['zh-CN'];
    const en = messages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.entries({ ...zh, ...en }).filter(([, text]) => text.trim() === '')).toEqual([]);
    expect(Object.keys(zh).filter((key) => placeholders(zh[key]!).join() !== placeholders(en[key]!).join())).toEqual([]);
  });

  it('never reuse a key of the app dictionary with other words', () => {
    const clashes = featureDictionaries.flatMap(([, messages]) => Object.keys(messages['zh-CN']).filter((key) => key in zhCN));
    expect(clashes).toEqual([]);
  });
});
