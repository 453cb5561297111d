package io.vgtx.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to the default, zero set-up database. */
class SqliteDatabaseTest {
    @TempDir
    Path tempDir;

    @Test
    void createsTheDataDirectoryWithOneDatabaseFileInWalMode() {
        Path dataDir = tempDir.resolve("nested/data");
        try (Database db = Database.open(DatabaseConfig.dataDirectory(dataDir))) {
            assertThat(dataDir.resolve(Database.SQLITE_FILE)).isRegularFile();
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
        }
    }

    @Test
    void acceptsASqliteJdbcUrl() {
        Path file = tempDir.resolve("other.db");
        try (Database db = Database.open(DatabaseConfig.jdbcUrl("jdbc:sqlite:" + file))) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void refusesAnUnsupportedUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> DatabaseConfig.jdbcUrl("jdbc:mysql://db/vgtx?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aJdbcUrlConfigDoesNotPrintItsParameters() {
        assertThat(DatabaseConfig.jdbcUrl("jdbc:postgresql://db/vgtx?user=vgtx&password=secret").toString())
                .contains("jdbc:postgresql://db/vgtx")
                .doesNotContain("secret");
    }

    private static String pragma(Database db, String name) {
        return db.jdbi().withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }
}
