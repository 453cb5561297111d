package io.vgtx.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the whole test run: it takes seconds to start, a fresh database in it
 * takes milliseconds. Started on first use; zonky stops it when the JVM exits.
 */
public final class SharedPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private SharedPostgres() {}

    private static final class Instance {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
    }

    /** The URL of a new, empty database. */
    public static String newDatabaseUrl() {
        String name = "vgtx_test_" + DATABASES.incrementAndGet();
        try (Connection connection = Instance.POSTGRES.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        String url = Instance.POSTGRES.getJdbcUrl("postgres", name);
        NAMES.put(url, name);
        return url;
    }

    /**
     * Drops a database made by {@link #newDatabaseUrl} when a test is done with it, so that its files go now rather than
     * all at once when the JVM exits (which, on a busy disk, can outlast the time surefire gives a fork to exit).
     */
    public static void dropDatabase(String url) {
        String name = NAMES.remove(url);
        if (name == null) throw new IllegalArgumentException("not a database made by SharedPostgres");
        try (Connection connection = Instance.POSTGRES.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }
}
