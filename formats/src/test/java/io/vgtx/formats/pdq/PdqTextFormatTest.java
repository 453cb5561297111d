package io.vgtx.formats.pdq;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.formats.Format;
import io.vgtx.formats.Io;
import io.vgtx.formats.RandomEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.vgtx.formats.Samples.MD5;
import static io.vgtx.formats.Samples.PDQ;
import static io.vgtx.formats.Samples.PDQ_2;
import static io.vgtx.formats.Samples.upper;
import static org.assertj.core.api.Assertions.assertThat;

class PdqTextFormatTest {
    @Test
    void readsHashesWithOptionalQualityAndFilename() throws Exception {
        String text = "\uFEFF# exported by a partner\n\n" + upper(PDQ) + "\n" + PDQ_2 + ",73\r\n  " + PDQ + ",100,holiday, beach.jpg  \n";

        assertThat(Io.read(Format.PDQ, text)).containsExactly(
                EntryData.of(PdqSignal.PDQ, PDQ),
                EntryData.of(PdqSignal.PDQ, PDQ_2).withQuality(73),
                EntryData.of(PdqSignal.PDQ, PDQ).withQuality(100).withLabel("holiday, beach.jpg"));
    }

    @Test
    void namesTheLineOfAHashOfTheWrongLength() {
        String text = "# comment\n\n" + PDQ + "\n" + PDQ.substring(1) + "\n";

        assertThat(Io.failure(Format.PDQ, text)).hasMessage("line 4: hash: PDQ must be 64 hex digits, got 63 characters");
    }

    @Test
    void namesTheLineOfABadQuality() {
        assertThat(Io.failure(Format.PDQ, PDQ + ",high\n")).hasMessage("line 1: quality: expected a whole number 0..100, got 'high'");
    }

    @Test
    void writesOnlyActivePdqHashesWithTheirQuality() throws Exception {
        var written = Io.writeAll(Format.PDQ, Io.entries(List.of(
                EntryData.of(PdqSignal.PDQ, PDQ).withQuality(88).withLabel("not written"),
                EntryData.of(DigestSignal.MD5, MD5),
                EntryData.of(PdqSignal.PDQ, PDQ_2),
                EntryData.of(PdqSignal.PDQ, PDQ_2).withState(EntryState.RETRACTED))));

        assertThat(written.text()).isEqualTo(PDQ + ",88\n" + PDQ_2 + "\n");
        assertThat(written.skipped()).isEqualTo(Map.of("MD5 (not PDQ)", 1L, "retracted", 1L));
    }

    /** PDQ text carries the hash and its quality, for active PDQ entries. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void exportThenImportIsTheIdentityOnHashAndQuality(long seed) throws Exception {
        List<Entry> entries = RandomEntries.entries(seed, 300);

        List<EntryData> expected = entries.stream().map(Entry::data)
                .filter(e -> e.type().equals(PdqSignal.PDQ) && e.state() == EntryState.ACTIVE)
                .map(e -> e.quality().map(q -> EntryData.of(PdqSignal.PDQ, e.value()).withQuality(q)).orElse(EntryData.of(PdqSignal.PDQ, e.value())))
                .toList();
        assertThat(Io.roundTrip(Format.PDQ, entries)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"needles.txt", "haystack.txt"})
    void readsTheSharedHashListsCompletely(String name) throws Exception {
        Path list = Io.testdata().resolve("pdq/hashlists").resolve(name);
        long hashes = Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();

        try (var in = Files.newInputStream(list)) {
            assertThat(Io.count(Format.PDQ, in)).isEqualTo(hashes).isPositive();
        }
    }
}
