package io.vgtx.core.store;

import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.org.Organisations;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V17 on a node that already holds names, look-alikes among them: it migrates, and the first of them guards the name. */
class NameSkeletonMigrationTest {
    @TempDir
    Path dir;

    @Test
    void namesThatCollidedBeforeV17KeepWorkingAndTheFirstGuardsTheirSkeleton() throws Exception {
        Files.createDirectories(dir);
        String url = "jdbc:sqlite:" + dir.resolve(Database.SQLITE_FILE);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").placeholders(Dialect.SQLITE.placeholders())
                .target("16").load().migrate();
        Jdbi.create(url).useHandle(h -> {
            for (String name : List.of("Op Police", "op police", "Hotline")) {
                h.execute("INSERT INTO organisations (name, kind, country, state, operator, created_at) VALUES (?, 'HOTLINE', 'NL', 'ACTIVE', FALSE, 0)", name);
            }
            h.execute("INSERT INTO banks (name, owner, default_distribution, created_at) VALUES ('Series', 'Hotline', 'AMBER', 0)");
            h.execute("INSERT INTO banks (name, owner, default_distribution, created_at) VALUES ('series ', 'Hotline', 'AMBER', 0)");
        });

        try (Database db = Database.open(DatabaseConfig.dataDirectory(dir))) {
            Organisations orgs = new Organisations(db, InstantSource.system());
            assertThat(orgs.list()).hasSize(3);
            int unguarded = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organisations WHERE name_skeleton IS NULL")
                    .mapTo(int.class).one());
            assertThat(unguarded).as("the later look-alike only").isEqualTo(1);
            assertThatThrownBy(() -> orgs.apply("OP  POLICE", OrganisationKind.NGO, "NL", null)).isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(() -> new BankStore(db).createBank("SERIES", "Hotline", java.util.Optional.empty(), io.vgtx.core.bank.Distribution.AMBER))
                    .isInstanceOf(AlreadyExistsException.class);
        }
    }
}
