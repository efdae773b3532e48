import { describe, it } from 'vitest';
import { noProposal, reads } from './lang-helpers.js';

/**
 * Two hard negatives of round 16's blind split (tune-r16), as classes: travel said in the simple present ("I fly to
 * Singapore Monday 6am", "we leave for Denver Thursday at 7") is the prospect's own plan, and the time at which they
 * will read what the rep sends is no time to talk even after "send me the deck and…" (the request for the deck was
 * taken as an invitation). Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */
describe("the prospect's travel and reading time are no proposals", () => {
  it.each([
    ['en', 'I fly to Singapore Wednesday 6am and back Friday night. Just send info by email.'],
    ['en', 'We leave for Denver Thursday at 7, send the contract before.'],
    ['en', 'I travel to Chicago Tuesday at 8 for the trade show, email is best.'],
    ['en', 'Send me the deck and I\'ll review it over the weekend.'],
    ['en', 'Send me the deck and I\'ll read it on Thursday.'],
  ])('%s: "%s"', noProposal);

  it.each([
    ['en', 'Send the deck, I\'ll review it and we can talk Friday at 2.', '2025-11-21 14:00'],
    ['en', 'Happy to chat Friday at 2, I\'ll review the deck before.', '2025-11-21 14:00'],
    ['en', 'Wednesday at 10 works, I fly to Perth on Thursday.', '2025-11-19 10:00'],
  ])('%s: a time offered beside it stays ("%s")', reads);
});
