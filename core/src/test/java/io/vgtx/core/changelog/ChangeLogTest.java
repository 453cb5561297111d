package io.vgtx.core.changelog;

import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.EntrySource;
import io.vgtx.core.store.TestEntries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import static io.vgtx.core.store.TestEntries.pdq;
import static io.vgtx.core.store.TestEntries.pdqHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class ChangeLogTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    BankStore store;
    ChangeLog log;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        store = new BankStore(db, () -> NOW);
        log = new ChangeLog(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEmptyLogHasNothingAfterZero() {
        assertThat(log.lastSeq()).isZero();
        assertThat(log.changesAfter(0, 100)).isEmpty();
    }

    @Test
    void everyChangeIsLoggedOnceInOrderWithTheHashAndItsNewState() {
        Bank bank = store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        store.addEntries("known", "Hotline", EntrySource.of(List.of(pdq(1), pdq(2))));
        store.retract("known", PdqSignal.PDQ, pdqHash(1));
        store.addEntries("known", "Hotline", EntrySource.of(List.of(pdq(1))));

        List<Change> changes = log.changesAfter(0, 100);

        long first = store.findEntries(PdqSignal.PDQ, pdqHash(1)).getFirst().id();
        long second = store.findEntries(PdqSignal.PDQ, pdqHash(2)).getFirst().id();
        assertThat(changes).containsExactly(
                new Change(1, bank.id(), first, ChangeKind.ADD, NOW, PdqSignal.PDQ, pdqHash(1), EntryState.ACTIVE),
                new Change(2, bank.id(), second, ChangeKind.ADD, NOW, PdqSignal.PDQ, pdqHash(2), EntryState.ACTIVE),
                new Change(3, bank.id(), first, ChangeKind.RETRACT, NOW, PdqSignal.PDQ, pdqHash(1), EntryState.RETRACTED),
                new Change(4, bank.id(), first, ChangeKind.UPDATE, NOW, PdqSignal.PDQ, pdqHash(1), EntryState.ACTIVE));
        assertThat(log.lastSeq()).isEqualTo(4);
    }

    @Test
    void pagesThroughTheWholeLogWithoutGapsOrRepeats() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        store.addEntries("known", "Hotline", TestEntries.pdqs(0, 2345));

        List<Long> seen = new ArrayList<>();
        long after = 0;
        for (List<Change> page = log.changesAfter(after, 1000); !page.isEmpty(); page = log.changesAfter(after, 1000)) {
            assertThat(page.size()).isLessThanOrEqualTo(1000);
            page.forEach(change -> seen.add(change.seq()));
            after = page.getLast().seq();
        }

        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 2345).boxed().toList());
        assertThat(log.changesAfter(2000, 1000)).hasSize(345);
    }

    @Test
    void anEntryKnowsTheSeqOfItsLatestChange() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        store.addEntries("known", "Hotline", TestEntries.pdqs(0, 3));
        store.retract("known", PdqSignal.PDQ, pdqHash(0));

        assertThat(store.findEntries(PdqSignal.PDQ, pdqHash(0)).getFirst().lastChangeSeq()).isEqualTo(4);
        assertThat(store.findEntries(PdqSignal.PDQ, pdqHash(2)).getFirst().lastChangeSeq()).isEqualTo(3);
    }

    @Test
    void refusesAPageOfNothing() {
        assertThatThrownBy(() -> log.changesAfter(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
