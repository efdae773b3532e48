import type { PushSubscriber, PushSubscription } from '../../ports/providers.js';
import type { GraphSession } from './graph.client.js';

/**
 * Graph change notifications for one mailbox (provider-apis.md §4.6): a subscription on the inbox
 * messages and one on the calendar events, changeType created,updated, with the clientState the
 * endpoint checks. Renewed (PATCH) before `renewBefore`; recreated when Graph no longer knows it.
 */
export const GRAPH_PUSH_RESOURCES = ["/mailFolders('inbox')/messages", '/events'] as const;
/** Outlook's basic-subscription maximum is 10,080 minutes; ask for a little less. */
const LIFETIME_MS = 10_000 * 60_000;

interface GraphSubscription {
  id: string;
  expirationDateTime: string;
}

export class GraphSubscriptions implements PushSubscriber {
  constructor(private readonly session: GraphSession) {}

  async ensure(input: { notificationUrl: string; clientState: string; existing: PushSubscription[]; renewBefore: Date; now: Date }): Promise<PushSubscription[]> {
    const out: PushSubscription[] = [];
    const expirationDateTime = new Date(input.now.getTime() + LIFETIME_MS).toISOString();
    for (const rel of GRAPH_PUSH_RESOURCES) {
      const resource = this.session.path(rel).replace(/^\//, '');
      const known = input.existing.find((s) => s.resource === resource);
      if (known && known.expiresAt > input.renewBefore) {
        out.push(known);
        continue;
      }
      if (known) {
        const renewed = await this.session
          .request(`microsoft subscriptions.update ${resource}`, (c) => c.api(`/subscriptions/${encodeURIComponent(known.id)}`).patch({ expirationDateTime }) as Promise<GraphSubscription>)
          .catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err)));
        if (renewed) {
          out.push({ resource, id: renewed.id, expiresAt: new Date(renewed.expirationDateTime) });
          continue;
        }
      }
      const created = await this.session.request(
        `microsoft subscriptions.create ${resource}`,
        (c) =>
          c.api('/subscriptions').post({
            changeType: 'created,updated',
            notificationUrl: input.notificationUrl,
            lifecycleNotificationUrl: input.notificationUrl,
            resource,
            expirationDateTime,
            clientState: input.clientState,
          }) as Promise<GraphSubscription>,
      );
      out.push({ resource, id: created.id, expiresAt: new Date(created.expirationDateTime) });
    }
    return out;
  }
}

function isNotFound(err: unknown): boolean {
  const e = err as { statusCode?: number; status?: number; kind?: string; code?: string };
  return e.statusCode === 404 || e.status === 404 || e.code === 'NOT_FOUND' || e.kind === 'NOT_FOUND';
}
