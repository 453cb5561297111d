package io.vgtx.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A node's database, migrated to the current schema on open. SQLite by default (one file in the data
 * directory), PostgreSQL in production; the same code and migrations serve both.
 *
 * <p>Every write goes through {@link #write}: it serialises writers, so change-log sequence numbers are
 * handed out in commit order and a feed reader that has seen sequence {@code n} can never later find a
 * smaller one appear. Reads use {@link #read} (one consistent snapshot) or {@link #jdbi()}.
 */
public final class Database implements AutoCloseable {
    public static final String SQLITE_FILE = "vgtx.db";

    /** WAL lets readers run beside the writer; a few connections are plenty for one process. */
    private static final int SQLITE_READERS = 4;
    private static final int POSTGRES_CONNECTIONS = 8;
    /** How long a SQLite connection waits for another process's write lock before failing. */
    private static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;
    /** In KiB (negative): a 1 M-entry import ran a third faster than with 16 MiB; more did not help. */
    private static final int SQLITE_WRITER_CACHE_KIB = -65_536;

    private final Dialect dialect;
    private final HikariDataSource writePool;
    private final HikariDataSource readPool;
    private final Jdbi writer;
    private final Jdbi reader;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(Dialect dialect, HikariDataSource writePool, HikariDataSource readPool) {
        this.dialect = dialect;
        this.writePool = writePool;
        this.readPool = readPool;
        this.writer = Jdbi.create(writePool);
        this.reader = readPool == writePool ? writer : Jdbi.create(readPool);
    }

    public static Database open(DatabaseConfig config) {
        return switch (config) {
            case DatabaseConfig.DataDirectory(Path dir) -> openSqlite("jdbc:sqlite:" + createDirectories(dir).resolve(SQLITE_FILE));
            case DatabaseConfig.JdbcUrl(String url) -> switch (Dialect.of(url)) {
                case SQLITE -> openSqlite(url);
                case POSTGRESQL -> openPostgres(url);
            };
        };
    }

    private static Database openSqlite(String url) {
        // One writer connection: SQLite allows one writer at a time anyway, and its transactions
        // begin IMMEDIATE so a writer never fails half-way when another process got the lock first.
        HikariDataSource writePool = sqlitePool(url, true);
        try {
            migrate(writePool, Dialect.SQLITE);
            return new Database(Dialect.SQLITE, writePool, sqlitePool(url, false));
        } catch (RuntimeException e) {
            writePool.close();
            throw e;
        }
    }

    private static HikariDataSource sqlitePool(String url, boolean writer) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        if (writer) {
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            sqlite.setCacheSize(SQLITE_WRITER_CACHE_KIB);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(url);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setPoolName(writer ? "vgtx-sqlite-writer" : "vgtx-sqlite-readers");
        pool.setMaximumPoolSize(writer ? 1 : SQLITE_READERS);
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }

    private static Database openPostgres(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("vgtx-postgresql");
        config.setMaximumPoolSize(POSTGRES_CONNECTIONS);
        config.setMinimumIdle(1);
        // Sends a JDBC batch as multi-row INSERTs: far fewer round trips for an import.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool, Dialect.POSTGRESQL);
            return new Database(Dialect.POSTGRESQL, pool, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void migrate(HikariDataSource pool, Dialect dialect) {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** For reads. Writes that append to the change log must use {@link #write} instead. */
    public Jdbi jdbi() {
        return reader;
    }

    /** Runs {@code callback} in one read transaction: all its queries see the same snapshot. */
    public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
        // PostgreSQL's default (read committed) takes a new snapshot per statement.
        return dialect == Dialect.POSTGRESQL
                ? reader.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, callback)
                : reader.inTransaction(callback);
    }

    /**
     * Runs {@code callback} in a write transaction, one at a time: committed when it returns, rolled
     * back entirely when it throws. Not re-entrant: inside, use the handle given.
     */
    public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
        // SQLite's single writer connection is taken: a nested write would wait for it forever.
        if (writeLock.isHeldByCurrentThread()) throw new IllegalStateException("Database.write called inside Database.write");
        writeLock.lock();
        try {
            return writer.inTransaction(handle -> {
                if (dialect == Dialect.POSTGRESQL) {
                    // Serialises writers in other processes too; readers are not blocked by this mode.
                    handle.execute("LOCK TABLE change_log IN EXCLUSIVE MODE");
                }
                return callback.withHandle(handle);
            });
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        if (readPool != writePool) readPool.close();
        writePool.close();
    }
}
