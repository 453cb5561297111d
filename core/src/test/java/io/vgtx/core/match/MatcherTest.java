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
import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.image.ImageDecoders;
import io.vgtx.hashing.pdq.Dihedral;
import io.vgtx.hashing.pdq.PdqResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MatcherTest {
    private static final Path IMAGES = Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata")).resolve("pdq/images");
    private static final ContentHasher HASHER = new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withDihedral(true));

    @TempDir
    Path dir;
    private Database database;
    private BankStore store;
    private ChangeLog log;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseConfig.dataDirectory(dir));
        store = new BankStore(database);
        log = new ChangeLog(database.jdbi());
        store.createBank("known", "Test Police", Optional.empty(), Distribution.GREEN);
        store.createBank("other", "Test Police", Optional.empty(), Distribution.GREEN);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static HashOutcome.Hashed hash(String file) {
        return (HashOutcome.Hashed) HASHER.hashFile(IMAGES.resolve(file), file);
    }

    private void addPdqOf(String bank, String file) {
        PdqResult pdq = hash(file).pdq();
        store.addEntries(bank, "Test Police", EntrySource.of(List.of(
                EntryData.of(PdqSignal.PDQ, pdq.hash().toHex()).withQuality(pdq.quality()).withLabel(file))));
    }

    private static MatchQuery query(HashOutcome.Hashed content) {
        return new MatchQuery(Optional.of(content.digest()), Optional.of(content.pdq()), 31, Optional.empty());
    }

    @Test
    void rotatedAndMirroredCopiesMatchTheOriginalWithTheirTransform() {
        addPdqOf("known", "bridge-mods/aaa-orig.jpg");
        Matcher matcher = new Matcher(store, MatchIndex.load(store));
        for (String copy : List.of("reg-test-input/dih/bridge-2-rotate-90.jpg", "reg-test-input/dih/bridge-6-flipy.jpg",
                "reg-test-input/dih/bridge-3-rotate-180.jpg", "bridge-mods/blur-a-lot.jpg")) {
            MatchResult result = matcher.match(query(hash(copy)));
            assertThat(result.matches()).as(copy).hasSize(1);
            Match match = result.matches().getFirst();
            assertThat(match.entry().bankName()).isEqualTo("known");
            assertThat(match.entry().data().label()).contains("bridge-mods/aaa-orig.jpg");
            assertThat(match.distance()).isLessThanOrEqualTo(31);
        }
        Match mirrored = matcher.match(query(hash("reg-test-input/dih/bridge-6-flipy.jpg"))).matches().getFirst();
        assertThat(mirrored.transform()).contains(Dihedral.FLIPY);
        Match same = matcher.match(query(hash("bridge-mods/aaa-orig.jpg"))).matches().getFirst();
        assertThat(same.distance()).isZero();
        assertThat(same.transform()).contains(Dihedral.ORIG);
    }

    @Test
    void unrelatedImagesDoNotMatch() {
        addPdqOf("known", "bridge-mods/aaa-orig.jpg");
        Matcher matcher = new Matcher(store, MatchIndex.load(store));
        for (String other : List.of("misc-images/c.png", "reg-test-input/pen-and-coaster.png", "reg-test-input/labelme-subset/q0746.jpg"))
            assertThat(matcher.match(query(hash(other))).matches()).as(other).isEmpty();
    }

    @Test
    void digestsMatchExactly() {
        HashOutcome.Hashed content = hash("misc-images/c.png");
        store.addEntries("known", "Test Police", EntrySource.of(List.of(EntryData.of(DigestSignal.MD5, content.digest().md5()))));
        Matcher matcher = new Matcher(store, MatchIndex.load(store));
        List<Match> matches = matcher.match(new MatchQuery(Optional.of(content.digest()), Optional.empty(), 31, Optional.empty())).matches();
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(DigestSignal.MD5);
            assertThat(m.transform()).isEmpty();
        });
    }

    @Test
    void entriesAddedOrRetractedAfterLoadingCountFromTheNextQuery() {
        MatchIndex index = MatchIndex.load(store);
        Matcher matcher = new Matcher(store, index);
        HashOutcome.Hashed bridge = hash("bridge-mods/aaa-orig.jpg");
        assertThat(matcher.match(query(bridge)).matches()).isEmpty();

        addPdqOf("known", "bridge-mods/aaa-orig.jpg");
        assertThat(index.catchUp(log)).isEqualTo(1);
        assertThat(matcher.match(query(bridge)).matches()).hasSize(1);

        store.retract("known", PdqSignal.PDQ, bridge.pdq().hash().toHex());
        index.catchUp(log);
        assertThat(matcher.match(query(bridge)).matches()).isEmpty();
        assertThat(index.appliedSeq()).isEqualTo(log.lastSeq());
    }

    @Test
    void aLookupGoesOnWithoutWaitingForACatchUpUnderWayAndAWaitingCatchUpGetsEverything() throws Exception {
        MatchIndex index = MatchIndex.load(store);
        Matcher matcher = new Matcher(store, index);
        HashOutcome.Hashed bridge = hash("bridge-mods/aaa-orig.jpg");
        addPdqOf("known", "bridge-mods/aaa-orig.jpg");
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread longCatchUp = Thread.ofPlatform().start(() -> {
            index.catchUpLock().lock(); // stands for a million imported changes going in
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                index.catchUpLock().unlock();
            }
        });
        held.await();

        assertThat(index.catchUpUnlessBusy(log)).as("busy: go on with the index as it is").isEmpty();
        assertThat(matcher.match(query(bridge)).matches()).as("not applied yet").isEmpty();

        release.countDown();
        longCatchUp.join();
        assertThat(index.catchUp(log)).isEqualTo(1);
        assertThat(matcher.match(query(bridge)).matches()).hasSize(1);
        assertThat(index.catchUpUnlessBusy(log)).hasValue(0);
    }

    @Test
    void bankFilterAndThresholdNarrowTheResults() {
        addPdqOf("known", "bridge-mods/aaa-orig.jpg");
        addPdqOf("other", "bridge-mods/sharpen-a-lot.jpg");
        Matcher matcher = new Matcher(store, MatchIndex.load(store));
        HashOutcome.Hashed bridge = hash("bridge-mods/aaa-orig.jpg");
        assertThat(matcher.match(query(bridge)).matches()).hasSize(2);
        assertThat(matcher.match(new MatchQuery(Optional.empty(), Optional.of(bridge.pdq()), 31, Optional.of("other"))).matches())
                .singleElement().satisfies(m -> assertThat(m.entry().bankName()).isEqualTo("other"));
        assertThat(matcher.match(new MatchQuery(Optional.empty(), Optional.of(bridge.pdq()), 0, Optional.empty())).matches())
                .singleElement().satisfies(m -> assertThat(m.distance()).isZero());
    }

    @Test
    void lowQualityContentIsReportedNotMatched() {
        addPdqOf("known", "reg-test-input/labelme-subset/q0003.jpg");
        Matcher matcher = new Matcher(store, MatchIndex.load(store));
        MatchResult result = matcher.match(new MatchQuery(Optional.empty(), Optional.of(hash("reg-test-input/labelme-subset/q0003.jpg").pdq()), 31, Optional.empty()));
        assertThat(result.lowQualityPdq()).isTrue();
        assertThat(result.matches()).isEmpty();
    }
}
