package io.vgtx.core.sharing;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.changelog.Change;

import java.util.List;

/**
 * Changes one organisation may see, in log order.
 *
 * @param next the cursor to ask after next time: past every change read, shown or not, so a follower never reads a
 *             hidden change twice
 */
public record FeedPage(List<Item> items, long next) {
    public FeedPage {
        items = List.copyOf(items);
    }

    /** A change and the entry it is about, as the entry is now. */
    public record Item(Change change, Entry entry) {}
}
