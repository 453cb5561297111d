package io.vgtx.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.cli.CliRun;
import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandsTest {
    @TempDir
    Path work;
    private Path data;

    @BeforeEach
    void threeEvents() {
        data = work.resolve("data");
        try (Database db = Database.open(DatabaseConfig.dataDirectory(data))) {
            AuditLog audit = new AuditLog(db, InstantSource.system());
            for (int i = 1; i <= 3; i++) audit.append(Actor.cli("Police"), "bank.create", "bank:" + i, Outcome.OK, Map.of("n", "" + i));
        }
    }

    private CliRun vgtx(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        return CliRun.of(all);
    }

    @Test
    void verifyOfAnIntactTrailSaysSoAndExitsZero() {
        CliRun run = vgtx("audit", "verify");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("audit log intact: 3 events, last hash ");
    }

    @Test
    void verifyOfATamperedTrailNamesTheEventAndExitsOne() {
        try (Database db = Database.open(DatabaseConfig.dataDirectory(data))) {
            db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET subject = 'bank:9' WHERE seq = 2"));
        }
        CliRun run = vgtx("audit", "verify");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("audit log BROKEN at event 2: edited");
    }

    @Test
    void listPrintsEventsAsJsonLinesAfterACursor() throws Exception {
        CliRun run = vgtx("audit", "list", "--json", "--after", "1");
        assertThat(run.exitCode()).isZero();
        var lines = run.out().strip().lines().toList();
        assertThat(lines).hasSize(2);
        var first = new ObjectMapper().readTree(lines.getFirst());
        assertThat(first.get("seq").asLong()).isEqualTo(2);
        assertThat(first.get("action").asText()).isEqualTo("bank.create");
        assertThat(first.get("details").get("n").asText()).isEqualTo("2");
        assertThat(vgtx("audit", "list").out()).contains("bank:3");
    }
}
