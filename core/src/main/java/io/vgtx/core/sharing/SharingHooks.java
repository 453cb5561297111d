package io.vgtx.core.sharing;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.match.Match;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What other parts of the node (casework) add to sharing as it happens. Sharing knows nothing of them: they plug in
 * here, and what they write goes into the same transaction as the act that caused it. Every method has a default
 * that does nothing, so a node without them shares exactly as before.
 */
public interface SharingHooks {
    SharingHooks NONE = new SharingHooks() {};

    /**
     * Those of these series whose victim has been identified, by series name, as they are now: read once per match
     * request, for the series its matches belong to.
     */
    default Map<String, VictimIdentification> victimIdentifications(Set<String> series) {
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

    /**
     * The asker was shown these entries of other organisations, each of which it may see (visible matches, its own
     * entries left out), on the request's own thread after the answer is made; called only when there is at least one.
     * It is on the match API's hot path: it must not write or block (record what it needs for later, as
     * {@code io.vgtx.core.reliance.MatchLedger} does).
     */
    default void shown(Principal asker, Set<Long> entryIds) {
    }

    /**
     * A match request was answered, in counts: called for every request, on its own thread, after the answer is made.
     * As {@link #shown}, it must not write or block (e.g. {@code io.vgtx.core.statistics.MatchDays} adds it up in memory).
     */
    default void answered(Principal asker, MatchTally tally) {
    }

    /** An entry was retracted (or retracted again), inside the retraction's transaction. */
    default void retracted(Handle handle, Entry entry) {
    }

    /** An opinion on an entry was given, inside the transaction that records it. */
    default void opinionGiven(Handle handle, Entry entry, Opinion opinion) {
    }

    /**
     * All of these, in order: victim identifications merged (the first to name a series wins), the writes each
     * calls for after a match run one after another in the same transaction, and each is told of every act.
     */
    static SharingHooks all(SharingHooks... hooks) {
        List<SharingHooks> each = List.of(hooks);
        return new SharingHooks() {
            @Override
            public Map<String, VictimIdentification> victimIdentifications(Set<String> series) {
                Map<String, VictimIdentification> merged = new HashMap<>();
                for (SharingHooks h : each) h.victimIdentifications(series).forEach(merged::putIfAbsent);
                return merged;
            }

            @Override
            public Optional<Consumer<Handle>> matched(Principal asker, List<HashQuery> queries, List<List<Match>> found) {
                List<Consumer<Handle>> writes = new ArrayList<>();
                for (SharingHooks h : each) h.matched(asker, queries, found).ifPresent(writes::add);
                if (writes.isEmpty()) return Optional.empty();
                return Optional.of(handle -> writes.forEach(write -> write.accept(handle)));
            }

            @Override
            public void shown(Principal asker, Set<Long> entryIds) {
                for (SharingHooks h : each) h.shown(asker, entryIds);
            }

            @Override
            public void answered(Principal asker, MatchTally tally) {
                for (SharingHooks h : each) h.answered(asker, tally);
            }

            @Override
            public void retracted(Handle handle, Entry entry) {
                for (SharingHooks h : each) h.retracted(handle, entry);
            }

            @Override
            public void opinionGiven(Handle handle, Entry entry, Opinion opinion) {
                for (SharingHooks h : each) h.opinionGiven(handle, entry, opinion);
            }
        };
    }
}
