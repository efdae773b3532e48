import EmailReplyParser from 'email-reply-parser';
import * as planer from 'planer';
import { plainChrono } from '../domain/reply/chrono-setup.js';

/** The peer libraries, called the way their READMEs show. */
export const peers = {
  emailReplyParser(text: string): string {
    return new EmailReplyParser().read(text).getVisibleText();
  },
  planer(text: string): string {
    return planer.extractFrom(text, 'text/plain');
  },
  chrono: plainChrono,
};
