package io.vgtx.core.store;

import io.vgtx.core.bank.Distribution;
import io.vgtx.core.changelog.ChangeLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class DatabaseTest {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    DatabaseConfig config;

    @BeforeEach
    void createDatabase() {
        config = backend.newDatabase(tempDir);
    }

    @Test
    void opensAnEmptyDatabaseWithTheSchema() {
        try (Database db = Database.open(config)) {
            assertThat(new BankStore(db).listBanks()).isEmpty();
            assertThat(new ChangeLog(db.jdbi()).lastSeq()).isZero();
        }
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        try (Database db = Database.open(config)) {
            BankStore store = new BankStore(db);
            store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
            store.addEntries("known", "Hotline", TestEntries.pdqs(0, 10));
        }
        try (Database db = Database.open(config)) {
            assertThat(new BankStore(db).listBanks()).singleElement()
                    .satisfies(summary -> assertThat(summary.activeTotal()).isEqualTo(10));
            assertThat(new ChangeLog(db.jdbi()).lastSeq()).isEqualTo(10);
        }
    }

    @Test
    void aWriteInsideAWriteFailsInsteadOfWaitingForever() {
        try (Database db = Database.open(config)) {
            assertThatThrownBy(() -> db.write(outer -> db.write(inner -> 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside Database.write");
        }
    }

    @Test
    void concurrentWritersTakeTurnsAndTheChangeLogStaysGapless() throws Exception {
        try (Database db = Database.open(config); ExecutorService threads = Executors.newFixedThreadPool(4)) {
            BankStore store = new BankStore(db);
            List<Future<ImportResult>> imports = new ArrayList<>();
            for (int bank = 0; bank < 4; bank++) {
                String name = "bank" + bank;
                store.createBank(name, "Agency", Optional.empty(), Distribution.AMBER);
                imports.add(threads.submit(() -> store.addEntries(name, "Agency", TestEntries.pdqs(0, 1500))));
            }
            for (Future<ImportResult> result : imports) assertThat(result.get().added()).isEqualTo(1500);

            long[] seqs = new ChangeLog(db.jdbi()).changesAfter(0, 10_000).stream().mapToLong(c -> c.seq()).toArray();
            assertThat(seqs).containsExactly(LongStream.rangeClosed(1, 6000).toArray());
        }
    }
}
