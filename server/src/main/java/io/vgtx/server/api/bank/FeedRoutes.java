package io.vgtx.server.api.bank;

import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.sharing.Feed;
import io.vgtx.core.sharing.FeedPage;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.api.bank.Views.ChangeView;
import io.vgtx.server.api.bank.Views.EntryItem;
import io.vgtx.server.api.bank.Views.FeedView;
import io.vgtx.server.api.bank.Views.NotificationList;
import io.vgtx.server.api.bank.Views.NotificationView;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.Params;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.problem.ApiProblem;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What other nodes and an organisation's own systems follow: the change feed and the organisation's notifications. */
public final class FeedRoutes implements ApiRoutes {
    private final Feed feed;
    private final Notifications notifications;

    public FeedRoutes(NodeServices services) {
        this.feed = services.feed();
        this.notifications = services.notifications();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/feed").summary("Changes to the entries you may see, in order (federation)").tag("feed")
                        .description("Adds, updates and retractions (`kind` RETRACT) in change-log order. Ask again with `after` = `next`: "
                                + "it moves past changes you may not see too, so none is read twice.")
                        .query("after", "Change sequence number to continue after (default 0).")
                        .query("limit", "Changes per page, 1.." + Feed.MAX_LIMIT + " (default " + Feed.DEFAULT_LIMIT + ").")
                        .returns(FeedView.class)
                        .handle(this::feed),
                ApiRoute.get("/api/v1/notifications").summary("Your organisation's notifications, oldest first").tag("feed")
                        .description("Hits on your entries by organisations that may not see them (`MATCH_HIT`; `details.near_queries` "
                                + "says, per entry, `id:count` distinct query hashes the asker sent within 48 bits of it today), suspected "
                                + "probes of your entries (`PROBE_SUSPECTED`: `asker`, `entry`, `near_queries`, `answered`), confirmations "
                                + "and disputes of your entries.")
                        .query("after", "Notification id to continue after (default 0).")
                        .query("limit", "Notifications per page, 1.." + Notifications.MAX_PAGE + " (default 100).")
                        .query("kind", "Only these kinds, comma-separated (e.g. DECONFLICTION); every kind when absent.")
                        .returns(NotificationList.class)
                        .handle(this::notifications));
    }

    private FeedView feed(ApiCall call) {
        FeedPage page = feed.after(BankRoutes.principal(call), Params.query(call, "after", 0, 0), Params.limit(call, Feed.DEFAULT_LIMIT, Feed.MAX_LIMIT));
        return new FeedView(page.items().stream().map(item -> new ChangeView(item.change().seq(), item.change().kind().name(),
                item.change().at(), item.change().state().name(), EntryItem.of(item.entry()))).toList(), page.next());
    }

    private NotificationList notifications(ApiCall call) {
        Principal principal = BankRoutes.principal(call);
        AccessDeniedException.require(principal, Permission.READ);
        int limit = Params.limit(call, 100, Notifications.MAX_PAGE);
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        for (String name : call.queryParam("kind").orElse("").split(",")) {
            if (name.isBlank()) continue;
            try {
                kinds.add(NotificationKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.validation("Query parameter 'kind' must name kinds of " + List.of(NotificationKind.values()) + ", not '" + name.strip() + "'.");
            }
        }
        List<Notification> page = notifications.list(principal.organisationName(), kinds, Params.query(call, "after", 0, 0), limit);
        return new NotificationList(page.stream().map(NotificationView::of).toList(), page.size() == limit ? page.getLast().id() : null);
    }
}
