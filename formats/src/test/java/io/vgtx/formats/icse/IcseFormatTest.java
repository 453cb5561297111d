package io.vgtx.formats.icse;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.PhotoDnaSignal;
import io.vgtx.formats.Format;
import io.vgtx.formats.Io;
import io.vgtx.formats.RandomEntries;
import io.vgtx.formats.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.vgtx.formats.Samples.MD5;
import static io.vgtx.formats.Samples.MD5_2;
import static io.vgtx.formats.Samples.PDQ;
import static io.vgtx.formats.Samples.PHOTODNA_BASE64;
import static io.vgtx.formats.Samples.PHOTODNA_HEX;
import static io.vgtx.formats.Samples.SHA1;
import static io.vgtx.formats.Samples.upper;
import static io.vgtx.formats.Samples.withHash;
import static org.assertj.core.api.Assertions.assertThat;

class IcseFormatTest {
    private static final String HEADER = "MD5;SHA1;PhotoDNA;Image ID;Is distributed;Victim identified;Offender identified;Series name;"
            + "Number of submissions;File Available;Media Type;Baseline\r\n";
    private static final String EXPORT = "\uFEFF" + HEADER
            + upper(MD5) + ";" + upper(SHA1) + ";" + PHOTODNA_BASE64 + ";1001;Yes;Y;No;\"Series; one\";3;No;Image;Yes\r\n"
            + MD5_2 + ";;;1002;;No;;;1;;Video;No\r\n"
            + ";;;1003;;;;;;;;\r\n";

    @Test
    void readsOneEntryPerHashOfARowSharingItsColumns() throws Exception {
        var read = Io.readAll(Format.ICSE, Io.stream(EXPORT), ReadOptions.DEFAULT);

        EntryData row1 = EntryData.of(DigestSignal.MD5, MD5).withSeries("Series; one").withVictimIdentified(true)
                .withGrades(List.of(new Grade("INTERPOL_BASELINE", "true", null, null)))
                .withMetadata(Map.of("icse:Image ID", "1001", "icse:Is distributed", "Yes", "icse:Offender identified", "No",
                        "icse:Number of submissions", "3", "icse:File Available", "No", "icse:Media Type", "Image"));
        assertThat(read.entries()).containsExactly(
                row1,
                withHash(row1, DigestSignal.SHA1, SHA1),
                withHash(row1, PhotoDnaSignal.PHOTODNA, PHOTODNA_HEX),
                EntryData.of(DigestSignal.MD5, MD5_2).withGrades(List.of(new Grade("INTERPOL_BASELINE", "false", null, null)))
                        .withMetadata(Map.of("icse:Image ID", "1002", "icse:Number of submissions", "1", "icse:Media Type", "Video")));
        assertThat(read.entries()).allSatisfy(entry -> assertThat(entry.category()).isEmpty());
        assertThat(read.skipped()).isEqualTo(Map.of("row without a hash", 1L));
    }

    @Test
    void matchesColumnsIgnoringCaseAndOrderAndKeepsUnknownOnes() throws Exception {
        String export = "baseline;md5;Extra\n1;" + MD5 + ";kept\n";

        assertThat(Io.read(Format.ICSE, export)).containsExactly(EntryData.of(DigestSignal.MD5, MD5)
                .withGrades(List.of(new Grade("INTERPOL_BASELINE", "true", null, null))).withMetadata(Map.of("icse:Extra", "kept")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            header without hashes | Image ID;Series name\\n1;x | line 1: not an ICSE export
            bad SHA1              | MD5;SHA1\\n0123456789abcdef0123456789abcdef;\\n;0123 | line 3: SHA1: SHA1 must be 40 hex digits, got 4 characters
            bad flag              | MD5;Victim identified\\n0123456789abcdef0123456789abcdef;perhaps | line 2: Victim identified: expected true or false, got 'perhaps'
            bad baseline          | MD5;Baseline\\n0123456789abcdef0123456789abcdef;2 | line 2: Baseline: expected true or false, got '2'
            short row             | MD5;SHA1;Baseline\\n0123456789abcdef0123456789abcdef;Yes | line 2: expected 3 values as in the header, got 2
            """)
    void refusesMalformedInputNamingTheLine(String problem, String escaped, String message) {
        assertThat(Io.failure(Format.ICSE, escaped.replace("\\n", "\n")).getMessage()).startsWith(message);
    }

    @Test
    void reExportWritesEachRowBackTogether() throws Exception {
        List<EntryData> imported = Io.read(Format.ICSE, EXPORT);

        String exported = Io.write(Format.ICSE, Io.entries(imported));

        assertThat(exported).isEqualTo(HEADER
                + MD5 + ";" + SHA1 + ";" + PHOTODNA_BASE64 + ";1001;Yes;Yes;No;\"Series; one\";3;No;Image;Yes\r\n"
                + MD5_2 + ";;;1002;;No;;;1;;Video;No\r\n");
        assertThat(Io.read(Format.ICSE, exported)).isEqualTo(imported);
    }

    @Test
    void leavesOutHashesWithoutAColumnAndRetractedEntries() throws Exception {
        var written = Io.writeAll(Format.ICSE, Io.entries(List.of(
                EntryData.of(PdqSignal.PDQ, PDQ),
                EntryData.of(DigestSignal.MD5, MD5).withState(EntryState.RETRACTED))));

        assertThat(written.text()).isEqualTo(HEADER);
        assertThat(written.skipped()).isEqualTo(Map.of("PDQ (no ICSE column)", 1L, "retracted", 1L));
    }

    /**
     * ICSE carries, for active MD5, SHA1 and PhotoDNA entries: type, value, series, victim flag, the Baseline grade and
     * icse: metadata. Nothing else (quality, category, first-seen, distribution, label, other grades and metadata).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void exportThenImportIsTheIdentityOnTheFieldsIcseCarries(long seed) throws Exception {
        List<Entry> entries = RandomEntries.entries(seed, 300);

        List<EntryData> expected = entries.stream().map(Entry::data)
                .filter(e -> e.state() == EntryState.ACTIVE && Set.of("MD5", "SHA1", "PHOTODNA").contains(e.type().name()))
                .map(e -> EntryData.of(e.type(), e.value()).withSeries(e.series().orElse(null)).withVictimIdentified(e.victimIdentified())
                        .withGrades(e.grades().stream().filter(g -> g.scheme().equals("INTERPOL_BASELINE"))
                                .map(g -> new Grade(g.scheme(), g.grade(), null, null)).toList()))
                .toList();
        assertThat(Io.roundTrip(Format.ICSE, entries)).isEqualTo(expected);
    }

    @Test
    void seriesAndMetadataThatASpreadsheetWouldTakeForAFormulaAreExportedAsTextAndImportedAsTheyWere() throws Exception {
        EntryData entry = EntryData.of(DigestSignal.MD5, "0123456789abcdef0123456789abcdef").withSeries("=cmd|' /C calc'!A0")
                .withMetadata(Map.of("icse:Image ID", "-1001"));
        String icse = Io.write(Format.ICSE, List.of(Io.entry(entry)));

        assertThat(icse).contains("'=cmd|").contains(";'-1001;");
        assertThat(Io.read(Format.ICSE, icse)).containsExactly(entry);
    }
}
