import { authenticate, resolveMailbox } from './graph-auth.js';
import { batch } from './graph-batch.js';
import type { GraphContext } from './graph-delta.js';
import { calendarDelta, calendarView, createEvent, deleteEvent, getEvent, getSchedule, insertEvent, patchEvent, renderEvent } from './graph-events.js';
import { FaultInjector, type RouterOptions } from './graph-faults.js';
import { fail, GRAPH_PREFIX, graphError, HttpFailure, json, parsePrefer } from './graph-http.js';
import { buildRaw, getMessage, insertMessage, listFolder, messageDelta, messageValue, renderMessage, type NewMessage } from './graph-mail.js';
import { createDraft, createReply, deleteMessage, patchMessage, sendDraft, sendMail } from './graph-send.js';
import { attendance, findOnlineMeeting } from './graph-teams.js';
import { GraphPush } from './graph-subscriptions.js';
import type { GraphState, JsonObject, Mailbox, StoredEvent, StoredMessage } from './state.js';

export type { FaultConfig, FaultRule, RouterOptions } from './graph-faults.js';
export { graphError } from './graph-http.js';

/**
 * Graph v1.0 semantics over GraphState: one function from a fetch Request to a Response, used
 * by the msw handler, by the HTTP server and by `$batch` for its inner requests. This file only
 * authenticates and routes; each area lives in its own module (graph-events, graph-mail,
 * graph-send, graph-teams, graph-batch, graph-delta; graph-faults for limits and faults).
 */
/**
 * Wraps each request inside a `$batch` (the control plane's fault rules use it, so a rule for
 * "/sendMail" fires on a sendMail inside a batch too, answered in that inner response's status).
 * `next` answers the inner request as the router would.
 */
export type BatchInnerHook = (inner: Request, next: (inner: Request) => Promise<Response>) => Promise<Response>;

export class GraphRouter {
  private readonly faults: FaultInjector;
  /** See BatchInnerHook; null: inner requests go straight to the router. */
  batchInner: BatchInnerHook | null = null;
  private readonly ctx: GraphContext;
  /** Subscriptions and change-notification delivery. */
  readonly push: GraphPush;

  constructor(
    private readonly state: GraphState,
    readonly options: RouterOptions,
  ) {
    this.faults = new FaultInjector(options);
    this.ctx = { state, options };
    this.push = new GraphPush(state);
    state.onChange = (mailbox, kind, id, changeType) => this.push.changed(mailbox, kind, id, changeType);
  }

  resetFaultCounters(): void {
    this.faults.reset();
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(GRAPH_PREFIX) ? url.pathname.slice(GRAPH_PREFIX.length) : url.pathname;
    let mailbox: Mailbox | null = null;
    let response: Response;
    try {
      if (path === '/$batch' && request.method === 'POST') {
        const next = (inner: Request) => this.handle(inner);
        response = await batch(request, url, (inner) => (this.batchInner ? this.batchInner(inner, next) : next(inner)));
      } else if (path === '/subscriptions' || path.startsWith('/subscriptions/')) {
        const token = authenticate(this.state, request);
        const id = path.split('/')[2];
        if (!id && request.method === 'POST') response = await this.push.create(request, token);
        else if (id && request.method === 'PATCH') response = await this.push.patch(request, decodeURIComponent(id));
        else if (id && request.method === 'DELETE') response = this.push.remove(decodeURIComponent(id));
        else response = graphError(400, 'BadRequest', `Unsupported request: ${request.method} ${path}`);
      } else {
        const token = authenticate(this.state, request);
        const resolved = resolveMailbox(this.state, token, path);
        mailbox = resolved.mailbox;
        response = await this.faults.withMailbox(mailbox, request, path, () => this.route(request, url, mailbox!, resolved.prefix, resolved.rest));
      }
    } catch (err) {
      if (err instanceof HttpFailure) response = err.response;
      else response = graphError(500, 'generalException', err instanceof Error ? err.message : String(err));
    }
    this.state.requestLog.push({ method: request.method, path, status: response.status, mailbox: mailbox?.email ?? null });
    return response;
  }

  /** Creates (or, for seeding, inserts) an event; used by POST /events and by seedGraphEmulator. */
  insertEvent(mailbox: Mailbox, body: JsonObject, options: { id?: string; now?: Date } = {}): StoredEvent {
    return insertEvent(this.ctx, mailbox, body, options);
  }

  /** Stores a message; the shared path for drafts, sent copies, deliveries and seeding. */
  insertMessage(mailbox: Mailbox, input: NewMessage): StoredMessage {
    return insertMessage(this.ctx, mailbox, input);
  }

  buildRaw(m: StoredMessage): string {
    return buildRaw(m);
  }

  private async route(request: Request, url: URL, mailbox: Mailbox, prefix: string, rest: string): Promise<Response> {
    const ctx = this.ctx;
    const method = request.method.toUpperCase();
    const seg = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const q = url.searchParams;
    const [a, b, c, d] = seg;

    if (seg.length === 0 && method === 'GET') {
      return json(200, { id: mailbox.id, displayName: mailbox.name, mail: mailbox.email, userPrincipalName: mailbox.email });
    }
    // Events
    if ((a === 'events' && seg.length <= 2) || (a === 'calendar' && b === 'events' && seg.length <= 3)) {
      const id = a === 'events' ? b : c;
      if (!id && method === 'POST') return createEvent(ctx, request, mailbox);
      if (id && method === 'GET') return json(200, renderEvent(getEvent(mailbox, id), parsePrefer(request).timeZone));
      if (id && method === 'PATCH') return patchEvent(ctx, request, mailbox, id);
      if (id && method === 'DELETE') return deleteEvent(ctx, mailbox, id);
    }
    if (a === 'calendarView' && b === 'delta' && method === 'GET') return calendarDelta(ctx, request, url, mailbox, prefix);
    if (a === 'calendarView' && !b && method === 'GET') return calendarView(request, q, mailbox);
    if (a === 'calendar' && b === 'getSchedule' && method === 'POST') return getSchedule(ctx, request);
    // Mail
    if (a === 'mailFolders' && b && c === 'messages' && d === 'delta' && method === 'GET') return messageDelta(ctx, request, url, mailbox, prefix, b);
    if (a === 'mailFolders' && b && c === 'messages' && !d && method === 'GET') return listFolder(ctx, q, mailbox, b);
    if (a === 'messages') {
      if (!b && method === 'POST') return createDraft(ctx, request, mailbox);
      if (b && !c && method === 'GET') return json(200, renderMessage(ctx, getMessage(mailbox, b), q.get('$select')));
      if (b && c === '$value' && method === 'GET') return messageValue(mailbox, b);
      if (b && !c && method === 'PATCH') return patchMessage(ctx, request, mailbox, b);
      if (b && !c && method === 'DELETE') return deleteMessage(ctx, mailbox, b);
      if (b && c === 'createReply' && method === 'POST') return createReply(ctx, request, mailbox, b);
      if (b && c === 'send' && method === 'POST') return sendDraft(ctx, mailbox, b);
    }
    if (a === 'sendMail' && method === 'POST') return sendMail(ctx, request, mailbox);
    // Teams
    if (a === 'onlineMeetings' && method === 'GET') {
      if (!b) return findOnlineMeeting(q, mailbox);
      const answer = attendance(q, mailbox, seg.slice(1));
      if (answer) return answer;
    }
    return fail(400, 'BadRequest', `Unsupported request: ${method} ${prefix}${rest}`);
  }
}
