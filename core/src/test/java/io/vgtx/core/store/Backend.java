package io.vgtx.core.store;

import java.nio.file.Path;

/** The two databases every storage test runs on. */
public enum Backend {
    SQLITE {
        @Override
        public DatabaseConfig newDatabase(Path tempDir) {
            return DatabaseConfig.dataDirectory(tempDir.resolve("data"));
        }
    },
    POSTGRESQL {
        @Override
        public DatabaseConfig newDatabase(Path tempDir) {
            return DatabaseConfig.jdbcUrl(SharedPostgres.newDatabaseUrl());
        }
    };

    /** The configuration of a new, empty database; open it as often as needed to test reopening. */
    public abstract DatabaseConfig newDatabase(Path tempDir);
}
