/**
 * Alerts out: an organisation's webhooks receive its notifications as signed HTTPS POSTs. Every
 * notification writes its deliveries into an outbox in its own transaction ({@link io.vgtx.core.notify.Notifications});
 * {@link io.vgtx.core.webhook.WebhookDelivery} sends them with retries and a dead-letter list, claiming each
 * row for a lease so two workers never send one delivery at once; {@link io.vgtx.core.webhook.WebhookWorker}
 * runs it in the background of a node. {@link io.vgtx.core.webhook.Webhooks} is what an organisation's ADMIN
 * does with them.
 */
package io.vgtx.core.webhook;
