package io.vgtx.core.changelog;

import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.SignalTypes;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads the append-only log of entry changes, the one source the index, the sync feed and the Kafka
 * mirror all follow: remember the last {@code seq} seen and ask for what came after it.
 */
public final class ChangeLog {
    private final Jdbi jdbi;

    public ChangeLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The sequence number of the latest change, or 0 when there is none. */
    public long lastSeq() {
        return jdbi.withHandle(ChangeLog::lastSeq);
    }

    /** Up to {@code limit} changes with {@code seq > after}, oldest first; empty when there are none yet. */
    public List<Change> changesAfter(long after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.seq, e.bank_id, c.entry_id, c.kind, c.changed_at, e.type, e.value, c.state
                        FROM change_log c JOIN entries e ON e.id = c.entry_id
                        WHERE c.seq > :after ORDER BY c.seq LIMIT :limit""")
                .bind("after", after)
                .bind("limit", limit)
                .map((rs, ctx) -> change(rs))
                .list());
    }

    /** {@link #lastSeq()} inside the caller's transaction, e.g. to pair it with a snapshot read there. */
    public static long lastSeq(Handle handle) {
        return handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM change_log").mapTo(long.class).one();
    }

    private static Change change(ResultSet rs) throws SQLException {
        return new Change(rs.getLong("seq"), rs.getLong("bank_id"), rs.getLong("entry_id"),
                ChangeKind.valueOf(rs.getString("kind")), Instant.ofEpochMilli(rs.getLong("changed_at")),
                SignalTypes.byName(rs.getString("type")), rs.getString("value"),
                EntryState.valueOf(rs.getString("state")));
    }
}
