package io.vgtx.core.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where a node keeps its data: a SQLite file in a data directory (the default), or a JDBC URL. */
public sealed interface DatabaseConfig {

    static DatabaseConfig dataDirectory(Path dir) {
        return new DataDirectory(dir);
    }

    static DatabaseConfig jdbcUrl(String url) {
        return new JdbcUrl(url);
    }

    /** The SQLite file {@value Database#SQLITE_FILE} in {@code dir}; the directory is created when missing. */
    record DataDirectory(Path dir) implements DatabaseConfig {
        public DataDirectory {
            Objects.requireNonNull(dir, "dir");
        }
    }

    /** {@code jdbc:postgresql://…} or {@code jdbc:sqlite:…}; user and password go in the URL's parameters. */
    record JdbcUrl(String url) implements DatabaseConfig {
        public JdbcUrl {
            Dialect.of(Objects.requireNonNull(url, "url"));
        }

        /** Without the parameters, which may hold a password. */
        @Override
        public String toString() {
            int query = url.indexOf('?');
            return "JdbcUrl[" + (query < 0 ? url : url.substring(0, query) + "?…") + "]";
        }
    }
}
