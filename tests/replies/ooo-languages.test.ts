import { describe, expect, it } from 'vitest';
import { msg } from './helpers.js';
import { parseReply } from '../../src/domain/reply/index.js';

/** Out-of-office bodies (no auto-reply header) and their return dates, in seven languages; sent Monday 17 November 2025. */
describe('out-of-office return dates in seven languages', () => {
  it.each([
    ['en', 'I am out of the office until Friday 21 November and back on Monday 24 November.', '2025-11-24'],
    ['es', 'Estoy fuera de la oficina hasta el 21 de noviembre. Regresaré el lunes 24 de noviembre.', '2025-11-24'],
    ['pt', 'Estou de férias e retorno no dia 24 de novembro.', '2025-11-24'],
    ['fr', 'Je suis absent jusqu\'au 21 novembre inclus, de retour le lundi 24 novembre.', '2025-11-24'],
    ['de', 'Ich bin bis einschließlich 21. November nicht im Büro und ab Montag, dem 24. November, wieder erreichbar.', '2025-11-24'],
    ['nl', 'Ik ben afwezig tot en met vrijdag 21 november en vanaf maandag 24 november weer op kantoor.', '2025-11-24'],
    ['it', 'Sono fuori ufficio fino al 21 novembre; rientrerò lunedì 24 novembre.', '2025-11-24'],
    ['it', 'Sono in ferie. Rientro in ufficio il 24/11.', '2025-11-24'],
    ['nl', 'Ik ben met vakantie tot 24 november.', '2025-11-24'],
    ['pt', 'Estou ausente até 24/11.', '2025-11-24'],
  ])('%s: "%s" → %s', (_lang, text, date) => {
    const r = parseReply({ message: msg(text, '2025-11-17T08:12:00Z', { subject: 'Automatic reply: Demo' }), timeZone: 'Europe/Berlin' });
    expect(r.kind).toBe('ooo');
    expect(r.returnDate).toBe(date);
  });
});
