package io.vgtx.core.store;

import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.changelog.Change;
import io.vgtx.core.changelog.ChangeKind;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalTypes;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.vgtx.core.store.TestEntries.pdq;
import static io.vgtx.core.store.TestEntries.pdqHash;
import static io.vgtx.core.store.TestEntries.pdqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

@ParameterizedClass
@EnumSource(Backend.class)
class BankStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123Z");
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

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
    void createsBanksAndListsThemByNameWithActiveEntriesPerType() {
        Bank known = store.createBank("known", "Hotline", Optional.of(Category.A), Distribution.AMBER);
        store.createBank("empty", "Police", Optional.empty(), Distribution.RED);
        store.addEntries("known", "Hotline", EntrySource.of(List.of(pdq(1), pdq(2), EntryData.of(DigestSignal.SHA256, SHA256))));
        store.retract("known", PdqSignal.PDQ, pdqHash(2));

        assertThat(known).isEqualTo(new Bank(known.id(), "known", "Hotline", Optional.of(Category.A), Distribution.AMBER, NOW));
        assertThat(store.findBank("known")).contains(known);
        assertThat(store.listBanks()).extracting(s -> s.bank().name(), BankSummary::activeEntries).containsExactly(
                tuple("empty", Map.of()),
                tuple("known", Map.of(DigestSignal.SHA256, 1L, PdqSignal.PDQ, 1L)));
    }

    @Test
    void refusesASecondBankWithTheSameName() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);

        assertThatThrownBy(() -> store.createBank("known", "Police", Optional.empty(), Distribution.RED))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("known");
    }

    @Test
    void findsNoBankForAnUnknownName() {
        assertThat(store.findBank("nope")).isEmpty();
    }

    @Test
    void addedEntriesTakeTheBankDefaultsUnlessTheyHaveTheirOwn() {
        store.createBank("known", "Hotline", Optional.of(Category.B), Distribution.AMBER);

        ImportResult result = store.addEntries("known", "Hotline", EntrySource.of(List.of(
                pdq(1),
                pdq(2).withCategory(Category.A).withDistribution(Distribution.RED))));

        assertThat(result).isEqualTo(new ImportResult(2, 0, 0));
        assertThat(only(pdqHash(1)).data()).satisfies(data -> {
            assertThat(data.category()).contains(Category.B);
            assertThat(data.distribution()).contains(Distribution.AMBER);
        });
        assertThat(only(pdqHash(2)).data()).satisfies(data -> {
            assertThat(data.category()).contains(Category.A);
            assertThat(data.distribution()).contains(Distribution.RED);
        });
        assertThat(only(pdqHash(1))).satisfies(entry -> {
            assertThat(entry.bankName()).isEqualTo("known");
            assertThat(entry.sourceOrganisation()).isEqualTo("Hotline");
        });
    }

    @Test
    void aSourceFailingInTheMiddleAddsNothingAndLogsNothing() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);

        // 2 500 good entries span two written batches before the failure.
        assertThatThrownBy(() -> store.addEntries("known", "Hotline", TestEntries.failingAfter(2500)))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> assertThat(e.entriesRead()).isEqualTo(2500))
                .hasMessageContaining("nothing was added to bank 'known'")
                .hasMessageContaining("line 2501: not a PDQ hash");

        assertThat(store.listBanks().getFirst().activeTotal()).isZero();
        assertThat(store.findEntries(PdqSignal.PDQ, pdqHash(0))).isEmpty();
        assertThat(log.lastSeq()).isZero();
    }

    @Test
    void addingToAnUnknownBankFails() {
        assertThatThrownBy(() -> store.addEntries("nope", "Hotline", pdqs(0, 1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void addingAnIdenticalEntryAgainChangesNothing() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        EntryData full = richEntry();
        store.addEntries("known", "Hotline", EntrySource.of(List.of(full)));
        long seq = log.lastSeq();

        ImportResult again = store.addEntries("known", "Police", EntrySource.of(List.of(full, pdq(7))));

        assertThat(again).isEqualTo(new ImportResult(1, 0, 1));
        assertThat(log.changesAfter(seq, 10)).extracting(Change::value).containsExactly(pdqHash(7));
        assertThat(only(full.value()).sourceOrganisation()).isEqualTo("Hotline");
    }

    @Test
    void addingAKnownHashAgainMergesWhatIsNewAndLogsAnUpdate() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        Grade vics = new Grade("VICS", "1", "Agency", Instant.parse("2026-01-01T00:00:00Z"));
        Grade interpol = new Grade("INTERPOL", "baseline", null, null);
        store.addEntries("known", "Hotline", EntrySource.of(List.of(pdq(1)
                .withLabel("a.jpg").withCategory(Category.B).withGrades(List.of(vics))
                .withMetadata(Map.of("case", "17", "note", "old"))
                .withFirstSeen(Instant.parse("2025-05-05T00:00:00Z")))));

        ImportResult result = store.addEntries("known", "Hotline", EntrySource.of(List.of(pdq(1)
                .withCategory(Category.A).withGrades(List.of(interpol, vics))
                .withMetadata(Map.of("note", "new"))
                .withFirstSeen(Instant.parse("2026-06-06T00:00:00Z")))));

        assertThat(result).isEqualTo(new ImportResult(0, 1, 0));
        Entry entry = only(pdqHash(1));
        assertThat(entry.data().label()).contains("a.jpg");
        assertThat(entry.data().category()).contains(Category.A);
        assertThat(entry.data().grades()).containsExactly(vics, interpol);
        assertThat(entry.data().metadata()).isEqualTo(Map.of("case", "17", "note", "new"));
        assertThat(entry.data().firstSeen()).contains(Instant.parse("2025-05-05T00:00:00Z"));
        assertThat(log.changesAfter(1, 10)).extracting(Change::kind).containsExactly(ChangeKind.UPDATE);
        assertThat(entry.lastChangeSeq()).isEqualTo(2);
    }

    @Test
    void aHashRepeatedWithinOneImportIsStoredOnceAndMerged() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);

        ImportResult result = store.addEntries("known", "Hotline", EntrySource.of(List.of(
                pdq(1).withLabel("first.jpg"), pdq(2), pdq(1).withLabel("second.jpg"), pdq(2))));

        assertThat(result).isEqualTo(new ImportResult(2, 1, 1));
        assertThat(store.findEntries(PdqSignal.PDQ, pdqHash(1))).singleElement()
                .satisfies(entry -> assertThat(entry.data().label()).contains("second.jpg"));
        assertThat(log.changesAfter(0, 10)).extracting(Change::kind)
                .containsExactly(ChangeKind.ADD, ChangeKind.ADD, ChangeKind.UPDATE);
    }

    @Test
    void aLargeImportIntoABankThatHasEntriesCountsEachKindRight() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        store.addEntries("known", "Hotline", pdqs(0, 1200));
        store.retract("known", PdqSignal.PDQ, pdqHash(5));

        ImportResult result = store.addEntries("known", "Hotline", pdqs(0, 3000));

        // The retracted hash comes back (its state changes), the other 1 199 are as they were.
        assertThat(result).isEqualTo(new ImportResult(1800, 1, 1199));
        assertThat(store.listBanks().getFirst().activeTotal()).isEqualTo(3000);
        assertThat(log.lastSeq()).isEqualTo(1200 + 1 + 1 + 1800);
        assertThat(only(pdqHash(5)).data().state()).isEqualTo(EntryState.ACTIVE);
    }

    @Test
    void metadataGradesAndEveryFieldRoundTrip() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        EntryData rich = richEntry();

        store.addEntries("known", "Hotline", EntrySource.of(List.of(rich)));

        Entry stored = only(rich.value());
        assertThat(stored.data()).isEqualTo(rich);
        assertThat(store.entry(stored.id())).contains(stored);
        List<Entry> streamed = new ArrayList<>();
        store.forEachEntry("known", streamed::add);
        assertThat(streamed).containsExactly(stored);
    }

    @Test
    void keepsTimesToTheMillisecond() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        Instant precise = Instant.parse("2026-03-04T05:06:07.123456789Z");

        store.addEntries("known", "Hotline", EntrySource.of(List.of(pdq(1).withFirstSeen(precise)
                .withGrades(List.of(new Grade("VICS", "2", "Agency", precise))))));

        Instant millis = Instant.parse("2026-03-04T05:06:07.123Z");
        assertThat(only(pdqHash(1)).data().firstSeen()).contains(millis);
        assertThat(only(pdqHash(1)).data().grades().getFirst().gradedAt()).isEqualTo(millis);
    }

    /**
     * Property: the active counts kept per bank, type, category and distribution equal a count over the entries, after
     * every add, re-add with another category and/or distribution (or none given, keeping the stored one), and
     * retraction, in two banks, one with a default category and one without.
     */
    @Test
    void keptCountsEqualACountOfTheEntriesAfterEveryChange() {
        store.createBank("a", "Hotline", Optional.of(Category.B), Distribution.GREEN);
        store.createBank("b", "Police", Optional.empty(), Distribution.AMBER);
        java.util.random.RandomGenerator random = new java.util.SplittableRandom(7);
        Distribution[] distributions = Distribution.values();
        Category[] categories = Category.values();
        for (int op = 0; op < 120; op++) {
            String bank = random.nextBoolean() ? "a" : "b";
            if (random.nextInt(4) == 0) {
                int n = random.nextInt(40);
                if (store.findEntries(PdqSignal.PDQ, pdqHash(n)).stream().anyMatch(e -> e.bankName().equals(bank)
                        && e.data().state() == EntryState.ACTIVE)) store.retract(bank, PdqSignal.PDQ, pdqHash(n));
            } else {
                List<EntryData> batch = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    EntryData entry = random.nextBoolean() ? pdq(random.nextInt(40)) : EntryData.of(DigestSignal.MD5, "%032x".formatted(random.nextInt(40)));
                    if (random.nextInt(3) > 0) entry = entry.withDistribution(distributions[random.nextInt(distributions.length)]);
                    if (random.nextInt(3) > 0) entry = entry.withCategory(categories[random.nextInt(categories.length)]);
                    batch.add(entry);
                }
                store.addEntries(bank, "Hotline", EntrySource.of(batch));
            }
            assertThat(store.activeCounts()).as("after op %d", op).containsExactlyInAnyOrderElementsOf(countedFromEntries());
        }
        assertThat(store.activeCounts()).as("some entries keep no category").anyMatch(c -> c.category().isEmpty());
        assertThat(store.activeCounts().stream().map(BankStore.ActiveCount::category).distinct()).hasSizeGreaterThan(categories.length);
    }

    private List<BankStore.ActiveCount> countedFromEntries() {
        return db.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT bank_id, type, category, distribution, COUNT(*) AS n FROM entries WHERE state = 'ACTIVE'
                        GROUP BY bank_id, type, category, distribution""")
                .map((rs, ctx) -> new BankStore.ActiveCount(rs.getLong("bank_id"), SignalTypes.byName(rs.getString("type")),
                        Optional.ofNullable(rs.getString("category")).map(Category::valueOf),
                        Distribution.valueOf(rs.getString("distribution")), rs.getLong("n")))
                .list());
    }

    /** The kept counts of a database made before V12 (no category) are counted again from its entries by the migration. */
    @Test
    void theMigrationCountsExistingEntriesByCategory() {
        store.createBank("a", "Hotline", Optional.of(Category.A), Distribution.GREEN);
        store.addEntries("a", "Hotline", EntrySource.of(List.of(pdq(1), pdq(2).withCategory(Category.C), pdq(3).withDistribution(Distribution.RED))));
        db.jdbi().useHandle(handle -> handle.execute("DELETE FROM bank_entry_counts"));

        String v12 = migration("V12__entry_counts_by_category_match_days.sql");
        db.jdbi().useHandle(handle -> handle.createScript(v12.substring(0, v12.indexOf("CREATE TABLE match_days"))).execute());

        assertThat(store.activeCounts()).containsExactlyInAnyOrderElementsOf(countedFromEntries()).hasSize(3);
    }

    private static String migration(String name) {
        try (var in = BankStoreTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void retractingMarksTheEntryAndLogsARetraction() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        store.addEntries("known", "Hotline", pdqs(0, 3));

        Entry retracted = store.retract("known", PdqSignal.PDQ, pdqHash(1).toUpperCase());

        assertThat(retracted.data().state()).isEqualTo(EntryState.RETRACTED);
        assertThat(only(pdqHash(1))).isEqualTo(retracted);
        assertThat(log.changesAfter(3, 10)).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.RETRACT);
            assertThat(change.entryId()).isEqualTo(retracted.id());
            assertThat(change.state()).isEqualTo(EntryState.RETRACTED);
            assertThat(change.seq()).isEqualTo(retracted.lastChangeSeq());
        });
        assertThat(store.listBanks().getFirst().activeTotal()).isEqualTo(2);
    }

    @Test
    void retractingAgainChangesNothing() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        store.addEntries("known", "Hotline", pdqs(0, 1));
        Entry first = store.retract("known", PdqSignal.PDQ, pdqHash(0));

        assertThat(store.retract("known", PdqSignal.PDQ, pdqHash(0))).isEqualTo(first);
        assertThat(log.lastSeq()).isEqualTo(2);
    }

    @Test
    void retractingAnUnknownHashOrBankFailsClearly() {
        store.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);

        assertThatThrownBy(() -> store.retract("known", PdqSignal.PDQ, pdqHash(9)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("bank 'known' has no PDQ entry " + pdqHash(9));
        assertThatThrownBy(() -> store.retract("nope", PdqSignal.PDQ, pdqHash(9)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no bank named 'nope'");
        assertThatThrownBy(() -> store.retract("known", PdqSignal.PDQ, "xyz"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsAHashInEveryBankThatHoldsIt() {
        store.createBank("one", "Hotline", Optional.empty(), Distribution.GREEN);
        store.createBank("two", "Police", Optional.empty(), Distribution.AMBER);
        store.createBank("three", "Police", Optional.empty(), Distribution.AMBER);
        store.addEntries("one", "Hotline", pdqs(0, 5));
        store.addEntries("two", "Police", pdqs(3, 8));

        assertThat(store.findEntries(PdqSignal.PDQ, pdqHash(4))).extracting(Entry::bankName).containsExactly("one", "two");
        assertThat(store.findEntries(PdqSignal.PDQ, pdqHash(7))).extracting(Entry::bankName).containsExactly("two");
        assertThat(store.findEntries(DigestSignal.SHA256, pdqHash(4))).isEmpty();
    }

    @Test
    void streamsEveryEntryInTheOrderAddedAndSaysWhichChangesTheSnapshotHolds() {
        store.createBank("one", "Hotline", Optional.empty(), Distribution.GREEN);
        store.createBank("two", "Police", Optional.empty(), Distribution.AMBER);
        store.addEntries("one", "Hotline", pdqs(0, 1500));
        store.addEntries("two", "Police", pdqs(1000, 2100));
        store.retract("one", PdqSignal.PDQ, pdqHash(0));

        List<Entry> all = new ArrayList<>();
        long seq = store.forEachEntry(all::add);

        assertThat(seq).isEqualTo(log.lastSeq()).isEqualTo(2601);
        assertThat(all).hasSize(2600);
        assertThat(all).extracting(Entry::id).isSorted().doesNotHaveDuplicates();
        assertThat(all.getFirst().data().state()).isEqualTo(EntryState.RETRACTED);
    }

    @Test
    void streamsOneBankInHashOrder() {
        store.createBank("one", "Hotline", Optional.empty(), Distribution.GREEN);
        store.createBank("two", "Police", Optional.empty(), Distribution.AMBER);
        // Added in reverse, to see that the order is the hashes'.
        store.addEntries("one", "Hotline", EntrySource.of(IntStream.range(0, 2500).map(i -> 2499 - i).mapToObj(TestEntries::pdq).iterator()));
        store.addEntries("two", "Police", pdqs(0, 10));

        List<String> hashes = new ArrayList<>();
        store.forEachEntry("one", entry -> hashes.add(entry.data().value()));

        assertThat(hashes).containsExactlyElementsOf(IntStream.range(0, 2500).mapToObj(TestEntries::pdqHash).toList());
        assertThatThrownBy(() -> store.forEachEntry("nope", entry -> {})).isInstanceOf(NotFoundException.class);
    }

    @Test
    void findsNoEntryForAnUnknownId() {
        assertThat(store.entry(12345)).isEmpty();
    }

    private Entry only(String pdqHash) {
        return store.findEntries(PdqSignal.PDQ, pdqHash).getFirst();
    }

    private static EntryData richEntry() {
        return pdq(42)
                .withQuality(87)
                .withCategory(Category.EXPLOITATIVE)
                .withSeries("series-9")
                .withVictimIdentified(true)
                .withFirstSeen(Instant.parse("2024-02-03T04:05:06.789Z"))
                .withDistribution(Distribution.RED)
                .withLabel("holiday.jpg")
                .withGrades(List.of(new Grade("VICS", "1", "Agency", Instant.parse("2025-01-01T00:00:00Z")),
                        new Grade("NCMEC", "A1", null, null)))
                .withMetadata(Map.of("case", "2024/17", "quote \" and ünïcode", "✓"));
    }
}
