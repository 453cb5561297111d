package io.vgtx.core.store;

import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.input.CleanText;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Confirmations and disputes of entries by organisations other than their owner. An opinion is about
 * the entry, not a change to it: it does not touch the entry or the change log.
 */
public final class EntryOpinions {
    private static final int MAX_REASON = 1000;

    private final Database database;
    private final InstantSource clock;

    public EntryOpinions(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records {@code organisation}'s verdict on an entry, replacing its earlier one. The same verdict again changes
     * nothing (its first reason and time stay) and is not news: the caller's {@code also} runs only for a new or changed
     * verdict, so an owner hears once of each organisation's verdict however often it is sent, and a dispute threshold
     * counts organisations, not requests.
     *
     * @throws NotFoundException        when there is no such entry
     * @throws IllegalArgumentException when the organisation owns the entry's bank (its own entries are
     *                                  confirmed by adding them and withdrawn by retracting them), or the reason is too long
     */
    public Opinion give(long entryId, String organisation, Verdict verdict, Optional<String> reason) {
        return give(entryId, organisation, verdict, reason, AlsoInTransaction.nothing());
    }

    /** As the method above, running {@code also} in the same transaction (the owner's notification, the audit event). */
    public Opinion give(long entryId, String organisation, Verdict verdict, Optional<String> reason, AlsoInTransaction<Opinion> also) {
        Optional<String> text = reason.map(String::strip).filter(r -> !r.isEmpty()).map(r -> CleanText.multiline("reason", r, MAX_REASON));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return database.write(handle -> {
            String owner = ownerOf(handle, entryId);
            if (owner.equals(organisation))
                throw new IllegalArgumentException("an organisation cannot confirm or dispute an entry of its own bank");
            Optional<Opinion> current = handle.createQuery("SELECT * FROM entry_opinions WHERE entry_id = :entry AND organisation = :organisation")
                    .bind("entry", entryId).bind("organisation", organisation)
                    .map((rs, ctx) -> opinion(rs)).findOne();
            if (current.isPresent() && current.get().verdict() == verdict) return current.get();
            handle.createUpdate("DELETE FROM entry_opinions WHERE entry_id = :entry AND organisation = :organisation")
                    .bind("entry", entryId).bind("organisation", organisation).execute();
            handle.createUpdate("""
                            INSERT INTO entry_opinions (entry_id, organisation, verdict, reason, given_at)
                            VALUES (:entry, :organisation, :verdict, :reason, :at)""")
                    .bind("entry", entryId)
                    .bind("organisation", organisation)
                    .bind("verdict", verdict.name())
                    .bind("reason", text.orElse(null))
                    .bind("at", now.toEpochMilli())
                    .execute();
            Opinion opinion = new Opinion(entryId, organisation, verdict, text, now);
            also.run(handle, opinion);
            return opinion;
        });
    }

    /** Every organisation's current verdict on an entry, in the order they were given. */
    public List<Opinion> of(long entryId) {
        return database.read(handle -> handle.createQuery("SELECT * FROM entry_opinions WHERE entry_id = :entry ORDER BY id")
                .bind("entry", entryId)
                .map((rs, ctx) -> opinion(rs))
                .list());
    }

    private static Opinion opinion(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Opinion(rs.getLong("entry_id"), rs.getString("organisation"), Verdict.valueOf(rs.getString("verdict")),
                Optional.ofNullable(rs.getString("reason")), Instant.ofEpochMilli(rs.getLong("given_at")));
    }

    private static String ownerOf(Handle handle, long entryId) {
        return handle.createQuery("SELECT b.owner FROM entries e JOIN banks b ON b.id = e.bank_id WHERE e.id = :id")
                .bind("id", entryId)
                .mapTo(String.class)
                .findOne()
                .orElseThrow(() -> new NotFoundException("no entry " + entryId));
    }
}
