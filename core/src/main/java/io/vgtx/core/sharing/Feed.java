package io.vgtx.core.sharing;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.changelog.Change;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.store.BankStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The change log as one organisation may follow it (federation, {@code GET /api/v1/feed}): adds, updates and
 * retractions of the entries it may see, in log order. A retraction is an event of its own, so every copy can
 * be withdrawn.
 */
public final class Feed {
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
    /** Hidden changes read per call at most, so one call stays short however little the follower may see. */
    private static final int MAX_SCANNED = 100_000;

    private final BankStore store;
    private final BankRecipients recipients;
    private final ChangeLog changes;
    private final AuditLog audit;

    public Feed(BankStore store, BankRecipients recipients, ChangeLog changes, AuditLog audit) {
        this.store = store;
        this.recipients = recipients;
        this.changes = changes;
        this.audit = audit;
    }

    public FeedPage after(Principal principal, long after, int limit) {
        AccessDeniedException.require(principal, Permission.READ);
        if (after < 0) throw new IllegalArgumentException("after must not be negative");
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", not " + limit);
        Sight sight = Sight.of(principal, store, recipients);
        List<FeedPage.Item> items = new ArrayList<>();
        long cursor = after;
        int scanned = 0;
        while (items.size() < limit && scanned < MAX_SCANNED) {
            List<Change> batch = changes.changesAfter(cursor, limit);
            if (batch.isEmpty()) break;
            Map<Long, Entry> entries = store.entries(batch.stream().map(Change::entryId).distinct().toList()).stream()
                    .collect(Collectors.toMap(Entry::id, Function.identity()));
            for (Change change : batch) {
                Entry entry = entries.get(change.entryId());
                if (entry != null && sight.canSee(entry)) items.add(new FeedPage.Item(change, entry));
                cursor = change.seq();
                scanned++;
                if (items.size() == limit) break;
            }
        }
        long restricted = items.stream().filter(item -> Sight.isRestricted(item.entry())).count();
        if (restricted > 0) audit.append(Actor.of(principal), "feed.read", "feed", Outcome.OK, Map.of(
                "after", String.valueOf(after), "changes", String.valueOf(items.size()), "restricted", String.valueOf(restricted)));
        return new FeedPage(items, cursor);
    }
}
