import EmailReplyParser from 'email-reply-parser';
import { JSDOM } from 'jsdom';
import * as planer from 'planer';
import { plainChrono } from '../domain/reply/chrono-setup.js';

let dom: JSDOM | null = null;
/** planer's HTML mode needs a DOM document; its own test suite uses jsdom, so it gets jsdom here. */
function document(): Document {
  dom ??= new JSDOM('<!doctype html><html><body></body></html>');
  return dom.window.document;
}

/** The peer libraries, called the way their READMEs show, each in its best mode. */
export const peers = {
  emailReplyParser(text: string): string {
    return new EmailReplyParser().read(text).getVisibleText();
  },
  planer(text: string): string {
    return planer.extractFrom(text, 'text/plain');
  },
  /** planer's HTML mode: the reply's HTML, cut with a DOM, then the text. */
  planerHtml(html: string): string {
    return planer.extractFrom(html, 'text/html', document());
  },
  chrono: plainChrono,
};
