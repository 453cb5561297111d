package io.vgtx.formats.jsonl;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.formats.Format;
import io.vgtx.formats.Io;
import io.vgtx.formats.RandomEntries;
import io.vgtx.formats.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vgtx.formats.Samples.MD5;
import static io.vgtx.formats.Samples.PDQ;
import static io.vgtx.formats.Samples.SHA1;
import static io.vgtx.formats.Samples.SHA256;
import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesFormatTest {
    private static final String HASHED = """
            {"path":"a/b.jpg","size":1234,"md5":"%s","sha1":"%s","sha256":"%s","pdq":"%s","quality":91,"width":640,"height":480,"pdq_dihedral":{"orig":"%s"}}
            """.formatted(MD5, SHA1, SHA256, PDQ, PDQ);

    @Test
    void readsWhatVgtxHashPrintsAsOneEntryPerHash() throws Exception {
        assertThat(Io.read(Format.JSONL, HASHED)).containsExactly(
                EntryData.of(PdqSignal.PDQ, PDQ).withQuality(91).withLabel("a/b.jpg"),
                EntryData.of(DigestSignal.MD5, MD5).withLabel("a/b.jpg"),
                EntryData.of(DigestSignal.SHA1, SHA1).withLabel("a/b.jpg"),
                EntryData.of(DigestSignal.SHA256, SHA256).withLabel("a/b.jpg"));
    }

    @Test
    void skipsAndCountsFilesThatFailedToHashButKeepsTheirDigests() throws Exception {
        String text = "\uFEFF{\"path\":\"x.txt\",\"size\":3,\"md5\":\"" + MD5 + "\",\"error\":\"not an image\"}\n\n"
                + "{\"path\":\"gone.jpg\",\"error\":\"unreadable\"}\n";

        var read = Io.readAll(Format.JSONL, Io.stream(text), ReadOptions.DEFAULT);

        assertThat(read.entries()).containsExactly(EntryData.of(DigestSignal.MD5, MD5).withLabel("x.txt"));
        assertThat(read.skipped()).isEqualTo(Map.of("file that failed to hash", 1L));
    }

    @Test
    void readsOurEntryShapeWithEveryField() throws Exception {
        String line = """
                {"type":"SHA-256","value":"%s","category":"a","series":"S1","victim_identified":true,"distribution":"red","label":"x",
                "first_seen":"2024-02-03T04:05:06Z","state":"retracted","grades":[{"scheme":"VICS","grade":"1"}],"metadata":{"k":"v","n":3},"future":1}
                """.formatted(SHA256).replace("\n", "") + "\n";

        assertThat(Io.read(Format.JSONL, line)).containsExactly(EntryData.of(DigestSignal.SHA256, SHA256).withCategory(Category.A)
                .withSeries("S1").withVictimIdentified(true).withDistribution(Distribution.RED).withLabel("x")
                .withFirstSeen(Instant.parse("2024-02-03T04:05:06Z")).withState(EntryState.RETRACTED)
                .withGrades(List.of(new Grade("VICS", "1", null, null))).withMetadata(Map.of("k", "v", "n", "3")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON   | {"md5": | line 2: malformed JSON
            not an object    | [1,2]   | line 2: expected a JSON object
            two objects      | {"md5":"0123456789abcdef0123456789abcdef"} {"md5":"0123456789abcdef0123456789abcdef"} | line 2: malformed JSON: Trailing token
            no hash          | {"path":"a.jpg"} | line 2: no hash
            bad digest       | {"md5":"abc"} | line 2: md5: MD5 must be 32 hex digits, got 3 characters
            bad quality      | {"pdq":"f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f","quality":"x"} | line 2: quality: expected a whole number
            bad state        | {"type":"MD5","value":"0123456789abcdef0123456789abcdef","state":"gone"} | line 2: state: expected ACTIVE or RETRACTED
            grade no scheme  | {"type":"MD5","value":"0123456789abcdef0123456789abcdef","grades":[{"grade":"A"}]} | line 2: grades: each grade needs a scheme and a grade
            """)
    void refusesMalformedLinesNamingTheLine(String problem, String line, String message) {
        assertThat(Io.failure(Format.JSONL, HASHED + line + "\n").getMessage()).startsWith(message);
    }

    /** Our JSON Lines carries every field of an entry. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void exportThenImportIsTheIdentity(long seed) throws Exception {
        List<Entry> entries = RandomEntries.entries(seed, 300);

        assertThat(Io.roundTrip(Format.JSONL, entries)).isEqualTo(entries.stream().map(Entry::data).toList());
    }

    @Test
    void writesOneObjectPerLineWithTheSameFieldsInTheSameOrder() throws Exception {
        String text = Io.write(Format.JSONL, Io.entries(List.of(EntryData.of(PdqSignal.PDQ, PDQ).withQuality(50)
                .withMetadata(Map.of("z", "1", "a", "2")), EntryData.of(DigestSignal.MD5, MD5))));

        assertThat(text).isEqualTo("""
                {"type":"PDQ","value":"%s","quality":50,"victim_identified":false,"state":"ACTIVE","metadata":{"a":"2","z":"1"}}
                {"type":"MD5","value":"%s","victim_identified":false,"state":"ACTIVE"}
                """.formatted(PDQ, MD5));
    }
}
