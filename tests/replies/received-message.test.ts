import { describe, it } from 'vitest';
import { noProposal, reads } from './lang-helpers.js';

/**
 * A message already received, named by its day and time ("your voicemail from Monday at 4:15"), is about the past: no
 * proposal. It was booked as the next Monday at 4:15 when no past-tense verb stood in the clause ("Got", "Saw", "Thanks
 * for"). Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */
describe('a received message named by its day and time is no proposal', () => {
  it.each([
    ['en', 'Got your voicemail from Monday at 4:15. Email is best for me, I will read the deck and come back to you.'],
    ['en', 'Saw your email from Friday 10am, thanks. Will look at it this week.'],
    ['en', 'Thanks for the voice message from Thursday at 3, I am reading the proposal now.'],
    ['es', 'Gracias por tu mensaje del jueves a las 3, reviso la propuesta y te digo.'],
  ])('%s: "%s"', noProposal);

  it.each([
    ['en', 'Re your note from Wednesday 2pm: yes, the pricing sheet is what I needed.'],
    ['fr', 'Merci pour votre message de jeudi à 15h, je lis la proposition et je reviens vers vous.'],
    ['it', 'Grazie per il messaggio di giovedì alle 15, leggo la proposta e ti faccio sapere.'],
  ])('%s: already read, stays no proposal ("%s")', noProposal);

  it.each([
    ['en', 'Thanks for your email from Tuesday. Could we talk Thursday at 3?', '2025-11-20 15:00'],
    ['en', 'Mail me from Monday at 9 and we can set it up.', '2025-11-24 09:00'],
  ])('%s: a time offered beside it stays ("%s")', reads);
});
