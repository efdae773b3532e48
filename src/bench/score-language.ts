import { join } from 'node:path';
import { franc } from 'franc-min';
import { detectLanguage, splitReply } from '../domain/reply/index.js';
import { parseRawEmail } from '../mail/parse-mime.js';
import { ratio, readJson, readText } from './corpora.js';
import type { MultilingualCase } from './score-multilingual.js';

const ISO3: Record<string, string> = { eng: 'en', spa: 'es', por: 'pt', fra: 'fr', deu: 'de', nld: 'nl', ita: 'it' };

export interface DetectorScore { n: number; followup: number; eld: number; franc: number; failures: string[] }

/**
 * Language detection on short replies: followup's detector (eld's n-grams, with function words on close scores),
 * bare eld, and franc-min, all limited to the seven languages. Samples: the hand-written short replies in
 * tests/fixtures/replies/language-samples.json and the visible text of each labelled multilingual reply given.
 */
export async function scoreLanguage(root: string, multilingualDirs: string[]): Promise<DetectorScore> {
  const samples = readJson<{ samples: [string, string][] }>(join(root, 'tests', 'fixtures', 'replies', 'language-samples.json')).samples;
  for (const dir of multilingualDirs) {
    for (const c of readJson<{ cases: MultilingualCase[] }>(join(dir, 'labels.json')).cases) {
      if (c.kind === 'bounce') continue;
      const m = await parseRawEmail(readText(join(dir, c.file)), c.file);
      const visible = splitReply({ text: m.text, html: m.html }).visible;
      if (visible.trim()) samples.push([c.lang, visible]);
    }
  }
  const { eld } = await import('eld/small');
  const bare = eld.newInstance();
  bare.setLanguageSubset(Object.values(ISO3));
  let ours = 0; let eldOk = 0; let francOk = 0;
  const failures: string[] = [];
  for (const [lang, text] of samples) {
    const got = detectLanguage(text).lang;
    if (got === lang) ours++; else failures.push(`${lang}→${got}: ${text.slice(0, 60).replace(/\s+/g, ' ')}`);
    if (bare.detect(text).language === lang) eldOk++;
    if (ISO3[franc(text, { only: Object.keys(ISO3), minLength: 1 })] === lang) francOk++;
  }
  const n = samples.length;
  return { n, followup: ratio(ours, n), eld: ratio(eldOk, n), franc: ratio(francOk, n), failures };
}
