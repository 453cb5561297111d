package io.vgtx.formats.csv;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.formats.Format;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.Io;
import io.vgtx.formats.LazyInput;
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
import static io.vgtx.formats.Samples.hex;
import static io.vgtx.formats.Samples.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvFormatTest {
    private static final String HEADER = "type,value,quality,category,series,victim_identified,distribution,label,first_seen\r\n";

    @Test
    void readsColumnsInAnyOrderWithRfc4180Quoting() throws Exception {
        String csv = "Value,TYPE,series,label,quality,victim_identified,distribution,category,first_seen\r\n"
                + PDQ + ",pdq,\"Series, \"\"quoted\"\"\",\"two; \"\"lines\"\"\",88,true,amber,b,2024-05-01T12:00:00Z\r\n"
                + MD5 + ",MD5,,,,,,,\r\n";

        assertThat(Io.read(Format.CSV, csv)).containsExactly(
                EntryData.of(PdqSignal.PDQ, PDQ).withQuality(88).withSeries("Series, \"quoted\"").withLabel("two; \"lines\"")
                        .withVictimIdentified(true).withDistribution(Distribution.AMBER).withCategory(Category.B)
                        .withFirstSeen(Instant.parse("2024-05-01T12:00:00Z")),
                EntryData.of(DigestSignal.MD5, MD5));
    }

    @Test
    void toleratesBomBlankLinesUpperCaseHexAndMissingOptionalColumns() throws Exception {
        String csv = "\uFEFFtype,value\n\n" + "SHA-1," + upper("0123456789abcdef0123456789abcdef01234567") + "\n   \n";

        assertThat(Io.read(Format.CSV, csv)).containsExactly(EntryData.of(DigestSignal.SHA1, "0123456789abcdef0123456789abcdef01234567"));
    }

    @Test
    void namesThePhysicalLineOfABadValueEvenAfterMultiLineValues() {
        // A label is one line (EntryRules): the value over three lines is in a column the import ignores.
        StringBuilder csv = new StringBuilder("type,value,notes\n");
        csv.append("PDQ,").append(PDQ).append(",\"a note\nover\nthree lines\"\n"); // lines 2-4
        for (int line = 5; line < 17; line++) csv.append("PDQ,").append(PDQ).append(",\n");
        csv.append("PDQ,").append(PDQ, 0, 63).append(",\n");

        FormatException failure = catchThrowableOfType(FormatException.class,
                () -> Io.readAll(Format.CSV, Io.stream(csv.toString()), new ReadOptions(true)));
        assertThat(failure).hasMessage("line 17: value: PDQ must be 64 hex digits, got 63 characters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no value column             | type\\nMD5                                  | line 1: missing column 'value' (the first row must be the header)
            column twice                | type,value,TYPE\\nMD5,x,MD5                | line 1: column 'type' appears twice
            unknown column              | type,value,colour\\nMD5,x,red              | line 1: unknown column 'colour'
            fewer values than header    | type,value,label\\nMD5,0123456789abcdef0123456789abcdef | line 2: expected 3 values as in the header, got 2
            unknown type                | type,value\\nCRC32,1234                    | line 2: type: unknown hash type 'CRC32'
            missing value               | type,value\\nMD5,                          | line 2: value: missing
            quality out of range        | type,value,quality\\nMD5,0123456789abcdef0123456789abcdef,101 | line 2: quality: expected a whole number 0..100, got '101'
            flag not a boolean          | type,value,victim_identified\\nMD5,0123456789abcdef0123456789abcdef,maybe | line 2: victim_identified: expected true or false, got 'maybe'
            time not ISO 8601           | type,value,first_seen\\nMD5,0123456789abcdef0123456789abcdef,01/02/2024 | line 2: first_seen: expected an ISO 8601 time
            unknown category            | type,value,category\\nMD5,0123456789abcdef0123456789abcdef,D | line 2: category: unknown category 'D'
            unterminated quote          | type,value\\nMD5,0123456789abcdef0123456789abcdef\\nMD5,"abc\\n | line 3: malformed CSV: EOF reached before encapsulated token finished
            """)
    void refusesMalformedInputNamingTheLine(String problem, String escapedCsv, String message) {
        assertThat(Io.failure(Format.CSV, escapedCsv.replace("\\n", "\n")).getMessage()).startsWith(message);
    }

    @Test
    void ignoresUnknownColumnsOnlyWhenAskedTo() throws Exception {
        String csv = "colour,type,value\nred,MD5," + MD5 + "\n";

        var read = Io.readAll(Format.CSV, Io.stream(csv), new ReadOptions(true));

        assertThat(read.entries()).containsExactly(EntryData.of(DigestSignal.MD5, MD5));
    }

    @Test
    void writesTheHeaderAndLeavesOutRetractedEntries() throws Exception {
        var written = Io.writeAll(Format.CSV, Io.entries(List.of(
                EntryData.of(PdqSignal.PDQ, PDQ).withQuality(90).withLabel("a, b"),
                EntryData.of(DigestSignal.MD5, MD5).withState(EntryState.RETRACTED))));

        assertThat(written.text()).isEqualTo(HEADER + "PDQ," + PDQ + ",90,,,false,,\"a, b\",\r\n");
        assertThat(written.skipped()).isEqualTo(Map.of("retracted", 1L));
    }

    /** CSV carries type, value, quality, category, series, victim_identified, distribution, label and first_seen; not grades, metadata or state. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void exportThenImportIsTheIdentityOnTheColumnsCsvCarries(long seed) throws Exception {
        List<Entry> entries = RandomEntries.entries(seed, 300);

        List<EntryData> expected = entries.stream().map(Entry::data).filter(e -> e.state() == EntryState.ACTIVE)
                .map(e -> e.withGrades(List.of()).withMetadata(Map.of())).toList();
        assertThat(Io.roundTrip(Format.CSV, entries)).isEqualTo(expected);
    }

    @Test
    void streamsAFileTooLargeToHoldAsEntries() throws Exception {
        long rows = 200_000;
        var csv = LazyInput.of(HEADER, rows, i -> "PDQ," + hex(i, 64) + ",100,A,series " + i + ",false,GREEN,file " + i + ".jpg,2024-01-01T00:00:00Z\r\n", "");

        assertThat(Io.count(Format.CSV, csv)).isEqualTo(rows);
    }

    @Test
    void labelsAndSeriesThatASpreadsheetWouldTakeForAFormulaAreExportedAsTextAndImportedAsTheyWere() throws Exception {
        List<EntryData> entries = List.of(
                EntryData.of(DigestSignal.MD5, MD5).withLabel("=HYPERLINK(\"http://x.example\",\"open\")").withSeries("@series"),
                EntryData.of(PdqSignal.PDQ, PDQ).withLabel("-rotated.jpg").withSeries("+1").withQuality(90),
                EntryData.of(DigestSignal.MD5, hex(3, 32)).withLabel("'=already quoted").withSeries("'plain"));
        String csv = Io.write(Format.CSV, entries.stream().map(Io::entry).toList());

        assertThat(csv).contains("'=HYPERLINK(").contains(",'@series,").contains(",'+1,").contains(",'-rotated.jpg,")
                .contains("''=already quoted").contains(",'plain,");
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
        }
        assertThat(Io.read(Format.CSV, csv)).isEqualTo(entries);
    }
}
