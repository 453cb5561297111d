package io.vgtx.core.match;

import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.core.store.EntrySource;
import io.vgtx.index.hamming.Code256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up from a snapshot file gives exactly the index a full load gives, and a wrong snapshot is never trusted. */
class MatchIndexSnapshotTest {
    @TempDir
    Path dir;

    private static String hex(SplittableRandom random, int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) hex.append(String.format("%016x", random.nextLong()));
        return hex.substring(0, digits);
    }

    private static List<EntryData> entries(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EntryData> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(switch (i % 4) {
                case 0 -> EntryData.of(PdqSignal.PDQ, hex(random, 64));
                case 1 -> EntryData.of(DigestSignal.MD5, hex(random, 32));
                case 2 -> EntryData.of(DigestSignal.SHA1, hex(random, 40));
                default -> EntryData.of(DigestSignal.SHA256, hex(random, 64));
            });
        }
        return entries;
    }

    /** Every entry found by its own hash, through both indexes, with the same ids. */
    private static void assertSameLookups(MatchIndex expected, MatchIndex actual, List<EntryData> probes) {
        for (EntryData e : probes) {
            if (e.type() instanceof PdqSignal) {
                List<Long> a = new ArrayList<>();
                List<Long> b = new ArrayList<>();
                expected.nearPdq(Code256.fromHex(e.value()), 31, (id, d) -> a.add(id));
                actual.nearPdq(Code256.fromHex(e.value()), 31, (id, d) -> b.add(id));
                assertThat(b).containsExactlyInAnyOrderElementsOf(a);
            } else {
                assertThat(actual.exact((DigestSignal) e.type(), e.value())).containsExactly(expected.exact((DigestSignal) e.type(), e.value()));
            }
        }
    }

    @Test
    void startingFromTheSnapshotGivesTheSameIndexAsAFullLoadIncludingLaterChanges() {
        Path snapshot = dir.resolve("match-index.snapshot");
        List<EntryData> first = entries(400, 1);
        List<EntryData> later = entries(100, 2);
        try (Database database = Database.open(DatabaseConfig.dataDirectory(dir.resolve("db")))) {
            BankStore store = new BankStore(database);
            ChangeLog log = new ChangeLog(database.jdbi());
            store.createBank("b", "org", Optional.empty(), Distribution.GREEN);
            store.addEntries("b", "org", EntrySource.of(first));
            MatchIndex full = MatchIndex.load(store, log, snapshot);
            assertThat(IndexSnapshot.read(snapshot)).get().satisfies(s -> assertThat(s.position().isIn(log)).isTrue());
            assertSameLookups(full, MatchIndex.load(store, log, snapshot), first);

            store.addEntries("b", "org", EntrySource.of(later));
            store.retract("b", first.getFirst().type(), first.getFirst().value());
            MatchIndex fromSnapshot = MatchIndex.load(store, log, snapshot);
            assertThat(fromSnapshot.appliedSeq()).isEqualTo(log.lastSeq());
            List<EntryData> all = new ArrayList<>(first);
            all.addAll(later);
            assertSameLookups(MatchIndex.load(store), fromSnapshot, all);
            assertThat(fromSnapshot.sizes().get("PDQ")).isEqualTo(124L); // 100 + 25 PDQ, one retracted
        }
    }

    @Test
    void aSnapshotReadsBackRowForRowAcrossManyBuffers(@TempDir Path tmp) throws Exception {
        HashColumns columns = new HashColumns(16);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 60_000; i++) columns.add(i * 7L, (byte) random.nextInt(4), random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        Path file = tmp.resolve("s");
        IndexSnapshot.Position position = new IndexSnapshot.Position(42, 7, 123, 99);
        IndexSnapshot.write(file, position, columns);
        IndexSnapshot.Snapshot read = IndexSnapshot.read(file).orElseThrow();
        assertThat(read.position()).isEqualTo(position);
        assertThat(read.columns().size()).isEqualTo(columns.size());
        for (int row = 0; row < columns.size(); row++) {
            assertThat(read.columns().id(row)).isEqualTo(columns.id(row));
            assertThat(read.columns().typeCode(row)).isEqualTo(columns.typeCode(row));
            for (int w = 0; w < 4; w++) assertThat(read.columns().word(row, w)).isEqualTo(columns.word(row, w));
        }
    }

    @Test
    void aSnapshotOfAnotherDatabaseOrADamagedOneIsIgnored() throws Exception {
        Path snapshot = dir.resolve("match-index.snapshot");
        try (Database one = Database.open(DatabaseConfig.dataDirectory(dir.resolve("one")))) {
            BankStore store = new BankStore(one);
            store.createBank("b", "org", Optional.empty(), Distribution.GREEN);
            store.addEntries("b", "org", EntrySource.of(entries(40, 3)));
            MatchIndex.load(store, new ChangeLog(one.jdbi()), snapshot);
        }
        List<EntryData> other = entries(40, 4);
        try (Database two = Database.open(DatabaseConfig.dataDirectory(dir.resolve("two")))) {
            BankStore store = new BankStore(two);
            ChangeLog log = new ChangeLog(two.jdbi());
            store.createBank("b", "org", Optional.empty(), Distribution.GREEN);
            store.addEntries("b", "org", EntrySource.of(other));
            // Same sequence numbers, different database: the snapshot's last change does not match this log.
            assertThat(IndexSnapshot.read(snapshot).orElseThrow().position().isIn(log)).isFalse();
            assertSameLookups(MatchIndex.load(store), MatchIndex.load(store, log, snapshot), other);

            byte[] bytes = Files.readAllBytes(snapshot);
            bytes[bytes.length / 2] ^= 1;
            Files.write(snapshot, bytes);
            assertThat(IndexSnapshot.read(snapshot)).isEmpty();
            assertSameLookups(MatchIndex.load(store), MatchIndex.load(store, log, snapshot), other);
            Files.write(snapshot, java.util.Arrays.copyOf(bytes, 100));
            assertThat(IndexSnapshot.read(snapshot)).isEmpty();
        }
    }
}
