package io.vgtx.core.changelog;

import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends changes in the transaction that makes them, so data and log commit or roll back together.
 * Use only inside {@code Database.write}: sequence numbers are handed out here, and that lock is what
 * makes them unique and in commit order. (A writer that skipped it would fail on the primary key
 * rather than silently reorder the log.)
 */
public final class ChangeWriter {
    private final Handle handle;
    private long lastSeq;

    public ChangeWriter(Handle handle) {
        this.handle = handle;
        this.lastSeq = ChangeLog.lastSeq(handle);
    }

    /** Reserves the next sequence number, for a change to be {@link #append appended} in this transaction. */
    public long nextSeq() {
        return ++lastSeq;
    }

    /**
     * Writes the changes; their bank, type and value are not stored again but read from the entry.
     * Plain JDBC, as for entries: an import writes a change per entry, and Jdbi's binding cost a tenth.
     */
    public void append(List<Change> changes) {
        if (changes.isEmpty()) return;
        try (PreparedStatement insert = handle.getConnection().prepareStatement(
                "INSERT INTO change_log (seq, entry_id, kind, changed_at, state) VALUES (?, ?, ?, ?, ?)")) {
            for (Change change : changes) {
                insert.setLong(1, change.seq());
                insert.setLong(2, change.entryId());
                insert.setString(3, change.kind().name());
                insert.setLong(4, change.at().toEpochMilli());
                insert.setString(5, change.state().name());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the change log", e);
        }
    }
}
