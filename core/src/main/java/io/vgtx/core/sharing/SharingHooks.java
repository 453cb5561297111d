package io.vgtx.core.sharing;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.match.Match;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What other parts of the node (casework) add to sharing as it happens. Sharing knows nothing of them: they plug in
 * here, and what they write goes into the same transaction as the act that caused it. Every method has a default
 * that does nothing, so a node without them shares exactly as before.
 */
public interface SharingHooks {
    SharingHooks NONE = new SharingHooks() {};

    /** Series whose victim has been identified, by series name, as they are now: read once per match request. */
    default Map<String, VictimIdentification> victimIdentifications() {
        return Map.of();
    }

    /**
     * A match request was answered. Reads only; returns the writes it calls for (e.g. deconfliction alerts), which
     * run inside the request's own write transaction, or nothing.
     *
     * @param found every matching entry of each query, visible to the asker or not: the hook applies the rules
     */
    default Optional<Consumer<Handle>> matched(Principal asker, List<HashQuery> queries, List<List<Match>> found) {
        return Optional.empty();
    }

    /** An entry was retracted (or retracted again), inside the retraction's transaction. */
    default void retracted(Handle handle, Entry entry) {
    }

    /** An opinion on an entry was given, inside the transaction that records it. */
    default void opinionGiven(Handle handle, Entry entry, Opinion opinion) {
    }
}
