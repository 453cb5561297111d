package io.vgtx.core.store;

import java.util.Map;

/**
 * The databases a node runs on. The schema is one set of Flyway migrations; the few places where the
 * two disagree are placeholders filled in from here.
 */
public enum Dialect {
    SQLITE(Map.of(
            // AUTOINCREMENT: a rowid is never reused, so an id once shared with a peer keeps its meaning.
            "identity", "INTEGER PRIMARY KEY AUTOINCREMENT",
            // INTEGER PRIMARY KEY is the rowid itself (64-bit): no second index to maintain.
            "assigned_key", "INTEGER PRIMARY KEY")),
    POSTGRESQL(Map.of(
            "identity", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            "assigned_key", "BIGINT PRIMARY KEY"));

    private final Map<String, String> placeholders;

    Dialect(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    /** The dialect of a JDBC URL; the message never repeats the URL, which may hold a password. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported database URL: expected jdbc:postgresql://… or jdbc:sqlite:…");
    }

    /** Flyway placeholders for the migrations in {@code db/migration}. */
    Map<String, String> placeholders() {
        return placeholders;
    }
}
