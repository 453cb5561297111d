package io.vgtx.formats.vics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PhotoDnaSignal;
import io.vgtx.formats.Format;
import io.vgtx.formats.Io;
import io.vgtx.formats.LazyInput;
import io.vgtx.formats.RandomEntries;
import io.vgtx.formats.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vgtx.formats.Samples.MD5;
import static io.vgtx.formats.Samples.MD5_2;
import static io.vgtx.formats.Samples.PDQ;
import static io.vgtx.formats.Samples.PHOTODNA_BASE64;
import static io.vgtx.formats.Samples.PHOTODNA_HEX;
import static io.vgtx.formats.Samples.SHA1;
import static io.vgtx.formats.Samples.SHA256;
import static io.vgtx.formats.Samples.hex;
import static io.vgtx.formats.Samples.upper;
import static io.vgtx.formats.Samples.withHash;
import static org.assertj.core.api.Assertions.assertThat;

class VicsFormatTest {
    /** A 1.3 media list as exporters write it: string booleans, upper-case hex, a BOM, PhotoDNA also among the alternative hashes. */
    private static final String MEDIA_LIST = ("\uFEFF{\"odata.metadata\":\"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media\",\n"
            + "\"value\":[\n"
            + "{\"MediaID\":17,\"Category\":1,\"MD5\":\"%1$s\",\"SHA1\":\"%2$s\",\"PhotoDNA\":\"%3$s\",\"VictimIdentified\":\"true\","
            + "\"OffenderIdentified\":\"false\",\"IsDistributed\":true,\"IsPrecategorized\":\"true\",\"Series\":\"0042\",\"Comments\":\"synthetic\","
            + "\"MediaSize\":2835,\"RelativeFilePath\":\"case/img1.jpg\",\"AlternativeHashes\":[{\"MD5\":\"%1$s\",\"HashName\":\"SHA256\",\"HashValue\":\"%4$s\"},"
            + "{\"MD5\":\"%1$s\",\"HashName\":\"PhotoDNA\",\"HashValue\":\"%3$s\"},{\"MD5\":\"%1$s\",\"HashName\":\"CRC32\",\"HashValue\":\"DEADBEEF\"}],"
            + "\"MediaFiles\":[{\"FileName\":\"img1.jpg\",\"FilePath\":\"case/\"}],\"Unknown\":{\"x\":1}},\n"
            + "{\"MediaID\":18,\"Category\":null,\"MD5\":\"%5$s\",\"Comments\":null,\"IsPrecategorized\":false},\n"
            + "{\"MediaID\":19,\"Category\":0}\n"
            + "]}\n").formatted(upper(MD5), upper(SHA1), PHOTODNA_BASE64, upper(SHA256), MD5_2);

    private static final String CASES = """
            {"@odata.context":"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases",
             "value":[{"CaseID":5,"CaseNumber":"2024-001","SourceApplicationName":"Synthetic","Media":[
               {"MediaID":1,"Category":2,"MD5":"%s","IsPrecategorized":"false"},
               {"MediaID":2,"Category":4,"MD5":"%s","SHA1":"%s","IsPrecategorized":"false"}],
              "TotalPrecategorized":2}]}
            """.formatted(MD5, MD5_2, SHA1);

    @Test
    void readsOneEntryPerHashOfAMediaSharingItsFields() throws Exception {
        var read = Io.readAll(Format.VICS, Io.stream(MEDIA_LIST), ReadOptions.DEFAULT);

        Map<String, String> metadata = Map.of("vics:MediaID", "17", "vics:OffenderIdentified", "false", "vics:IsDistributed", "true",
                "vics:IsPrecategorized", "true", "vics:Comments", "\"synthetic\"", "vics:MediaSize", "2835",
                "vics:AlternativeHashes", "[{\"MD5\":\"%s\",\"HashName\":\"CRC32\",\"HashValue\":\"DEADBEEF\"}]".formatted(upper(MD5)),
                "vics:MediaFiles", "[{\"FileName\":\"img1.jpg\",\"FilePath\":\"case/\"}]", "vics:Unknown", "{\"x\":1}");
        EntryData media17 = EntryData.of(DigestSignal.MD5, MD5).withSeries("0042").withVictimIdentified(true).withLabel("case/img1.jpg")
                .withGrades(List.of(new Grade("VICS", "1", null, null))).withMetadata(metadata);
        assertThat(read.entries()).containsExactly(
                media17,
                withHash(media17, DigestSignal.SHA1, SHA1),
                withHash(media17, PhotoDnaSignal.PHOTODNA, PHOTODNA_HEX),
                withHash(media17, DigestSignal.SHA256, SHA256),
                EntryData.of(DigestSignal.MD5, MD5_2).withMetadata(Map.of("vics:MediaID", "18", "vics:IsPrecategorized", "false")));
        assertThat(read.skipped()).isEqualTo(Map.of("Media without a hash", 1L));
    }

    @Test
    void readsCasesWithNestedMediaKeepingTheCaseFields() throws Exception {
        Map<String, String> caseFields = Map.of("vics:Case.CaseID", "5", "vics:Case.CaseNumber", "\"2024-001\"",
                "vics:Case.SourceApplicationName", "\"Synthetic\"");

        assertThat(Io.read(Format.VICS, CASES)).containsExactly(
                EntryData.of(DigestSignal.MD5, MD5).withCategory(Category.EXPLOITATIVE).withGrades(List.of(new Grade("VICS", "2", null, null)))
                        .withMetadata(plus(caseFields, "vics:MediaID", "1", "vics:IsPrecategorized", "false")),
                EntryData.of(DigestSignal.MD5, MD5_2).withCategory(Category.NOT_ILLEGAL).withGrades(List.of(new Grade("VICS", "4", null, null)))
                        .withMetadata(plus(caseFields, "vics:MediaID", "2", "vics:IsPrecategorized", "false")),
                EntryData.of(DigestSignal.SHA1, SHA1).withCategory(Category.NOT_ILLEGAL).withGrades(List.of(new Grade("VICS", "4", null, null)))
                        .withMetadata(plus(caseFields, "vics:MediaID", "2", "vics:IsPrecategorized", "false")));
    }

    @ParameterizedTest(name = "code {0} -> {1}")
    @CsvSource({"0, NOT_ILLEGAL", "1, ''", "2, EXPLOITATIVE", "3, ''", "4, NOT_ILLEGAL", "5, ''", "9, ''", "'\"2\"', EXPLOITATIVE"})
    void mapsCategoryCodesByTheTableAndKeepsTheCode(String code, String category) throws Exception {
        String document = "{\"value\":[{\"MediaID\":1,\"Category\":" + code + ",\"MD5\":\"" + MD5 + "\"}]}";

        EntryData entry = Io.read(Format.VICS, document).getFirst();

        assertThat(entry.category()).isEqualTo(category.isEmpty() ? Optional.empty() : Optional.of(Category.valueOf(category)));
        assertThat(entry.grades()).containsExactly(new Grade("VICS", code.replace("\"", ""), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad MD5 in the second Media | {"value":[\\n{"MediaID":1,"MD5":"0123456789abcdef0123456789abcdef"},\\n{"MediaID":18,"MD5":"0123456789abcdef0123456789abcde"}]} | Media #2 (MediaID 18) at line 3: MD5: MD5 must be 32 hex digits, got 31 characters
            flag not a boolean          | {"value":[\\n{"MediaID":1,"MD5":"0123456789abcdef0123456789abcdef","VictimIdentified":"maybe"}]} | Media #1 (MediaID 1) at line 2: VictimIdentified: expected true or false, got 'maybe'
            category not a code         | {"value":[{"MediaID":1,"MD5":"0123456789abcdef0123456789abcdef","Category":"CAM"}]} | Media #1 (MediaID 1) at line 1: Category: expected a code 0..5 or null, got 'CAM'
            bad alternative hash        | {"value":[{"MD5":"0123456789abcdef0123456789abcdef","AlternativeHashes":[{"HashName":"SHA-256","HashValue":"00"}]}]} | Media #1 at line 1: AlternativeHashes SHA-256: SHA256 must be 64 hex digits
            malformed JSON              | {"value":[\\n{"MediaID":1,,}]} | line 2, column 14: malformed JSON: Unexpected character (',' (code 44))
            not a document              | [1] | line 1: expected a Project VIC document
            no value array              | {"odata.metadata":"x"} | line 1: no "value" array
            a number among the Media    | {"value":[1]} | line 1: expected a Media or Case object in "value"
            content after the end       | {"value":[]} {} | line 1: content after the end of the document
            """)
    void refusesMalformedInputNamingTheMediaAndLine(String problem, String escaped, String message) {
        assertThat(Io.failure(Format.VICS, escaped.replace("\\n", "\n")).getMessage()).startsWith(message);
    }

    @Test
    void reExportRestoresEachMediaWithEveryFieldItCarried() throws Exception {
        List<EntryData> imported = Io.read(Format.VICS, MEDIA_LIST);

        String exported = Io.write(Format.VICS, Io.entries(imported));

        JsonNode document = new ObjectMapper().readTree(exported);
        assertThat(document.get("@odata.context").asText()).endsWith("2.0.xml/Default/$metadata#Media");
        assertThat(document.get("value")).hasSize(2);
        JsonNode media = document.get("value").get(0);
        assertThat(media.get("MediaID").asInt()).isEqualTo(17);
        assertThat(media.get("Category").asInt()).isEqualTo(1);
        assertThat(media.get("MD5").asText()).isEqualTo(upper(MD5));
        assertThat(media.get("PhotoDNA").asText()).isEqualTo(PHOTODNA_BASE64);
        assertThat(media.get("VictimIdentified").asText()).isEqualTo("true");
        assertThat(media.get("IsDistributed").isTextual()).isTrue();
        assertThat(media.get("MediaFiles").get(0).get("FileName").asText()).isEqualTo("img1.jpg");
        assertThat(media.get("AlternativeHashes").findValuesAsText("HashName")).containsExactly("SHA256", "CRC32");
        assertThat(Io.read(Format.VICS, exported)).isEqualTo(imported);
    }

    @Test
    void reExportOfCasesWritesCasesAgain() throws Exception {
        List<EntryData> imported = Io.read(Format.VICS, CASES);

        String exported = Io.write(Format.VICS, Io.entries(imported));

        JsonNode document = new ObjectMapper().readTree(exported);
        assertThat(document.get("@odata.context").asText()).endsWith("#Cases");
        assertThat(document.get("value")).hasSize(1);
        assertThat(document.get("value").get(0).get("CaseNumber").asText()).isEqualTo("2024-001");
        assertThat(document.get("value").get(0).get("Media")).hasSize(2);
        assertThat(Io.read(Format.VICS, exported)).isEqualTo(imported);
    }

    @Test
    void writesAnEmptyMediaListWhenThereIsNothingToWrite() throws Exception {
        var written = Io.writeAll(Format.VICS, Io.entries(List.of(EntryData.of(DigestSignal.MD5, MD5).withState(EntryState.RETRACTED))));

        assertThat(Io.read(Format.VICS, written.text())).isEmpty();
        assertThat(written.skipped()).isEqualTo(Map.of("retracted", 1L));
    }

    @Test
    void groupsTheHashesOfOneFileIntoOneMedia() throws Exception {
        String hashed = "{\"path\":\"a/b.jpg\",\"md5\":\"%s\",\"sha1\":\"%s\",\"sha256\":\"%s\",\"pdq\":\"%s\",\"quality\":91}\n"
                .formatted(MD5, SHA1, SHA256, PDQ);

        String exported = Io.write(Format.VICS, Io.entries(Io.read(Format.JSONL, hashed)));

        JsonNode media = new ObjectMapper().readTree(exported).get("value");
        assertThat(media).hasSize(1);
        assertThat(media.get(0).get("MD5").asText()).isEqualTo(upper(MD5));
        assertThat(media.get(0).get("SHA1").asText()).isEqualTo(upper(SHA1));
        assertThat(media.get(0).get("RelativeFilePath").asText()).isEqualTo("a/b.jpg");
        assertThat(media.get(0).get("AlternativeHashes").findValuesAsText("HashName")).containsExactly("PDQ", "SHA256");
        assertThat(media.get(0).get("AlternativeHashes").findValuesAsText("MD5")).containsOnly(upper(MD5));
        assertThat(Io.read(Format.VICS, exported)).extracting(EntryData::value).containsExactly(MD5, SHA1, PDQ, SHA256);
    }

    @Test
    void leavesOutMediaWithoutAnMd5BecauseItIsTheirKey() throws Exception {
        var written = Io.writeAll(Format.VICS, Io.entries(List.of(EntryData.of(DigestSignal.SHA1, SHA1), EntryData.of(DigestSignal.MD5, MD5))));

        assertThat(Io.read(Format.VICS, written.text())).extracting(EntryData::value).containsExactly(MD5);
        assertThat(written.skipped()).isEqualTo(Map.of("no MD5 (the key of a VICS Media)", 1L));
    }

    /**
     * VICS carries, per active MD5 entry (MD5 is a Media's key; the examples above cover the other hashes of a Media):
     * type, value, series, victim flag, label (RelativeFilePath), the category's VICS code (as the VICS grade, and our
     * category through the table) and vics: metadata; the writer adds the required MediaID and IsPrecategorized.
     * Quality, first-seen, distribution, other grades and other metadata are not carried.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void exportThenImportIsTheIdentityOnTheFieldsVicsCarries(long seed) throws Exception {
        List<Entry> entries = RandomEntries.entries(seed, 300);

        List<EntryData> expected = entries.stream().map(Entry::data)
                .filter(e -> e.state() == EntryState.ACTIVE && e.type().equals(DigestSignal.MD5)).map(VicsFormatTest::carried).toList();
        List<EntryData> actual = Io.roundTrip(Format.VICS, entries).stream().map(VicsFormatTest::withoutWriterFields).toList();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void streamsACaseTooLargeToHold() throws Exception {
        long media = 200_000;
        var document = LazyInput.of("{\"@odata.context\":\"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Cases\","
                        + "\"value\":[{\"CaseID\":1,\"Media\":[\n", media,
                i -> (i == 0 ? "" : ",\n") + "{\"MediaID\":" + i + ",\"Category\":1,\"MD5\":\"" + hex(i, 32) + "\",\"SHA1\":\"" + hex(i, 40)
                        + "\",\"IsPrecategorized\":\"true\",\"Series\":\"s" + (i % 1000) + "\"}",
                "]}]}");

        assertThat(Io.count(Format.VICS, document)).isEqualTo(2 * media);
    }

    private static EntryData carried(EntryData e) {
        Optional<Integer> code = VicsCategory.code(e);
        return new EntryData(e.type(), e.value(), Optional.empty(), code.flatMap(VicsCategory::category), e.series(), e.victimIdentified(),
                Optional.empty(), Optional.empty(), e.label(), code.map(c -> List.of(new Grade("VICS", String.valueOf(c), null, null))).orElse(List.of()),
                Map.of(), EntryState.ACTIVE);
    }

    private static EntryData withoutWriterFields(EntryData e) {
        Map<String, String> metadata = new HashMap<>(e.metadata());
        metadata.remove("vics:MediaID");
        metadata.remove("vics:IsPrecategorized");
        return e.withMetadata(metadata);
    }

    private static Map<String, String> plus(Map<String, String> map, String... keysAndValues) {
        Map<String, String> result = new HashMap<>(map);
        for (int i = 0; i < keysAndValues.length; i += 2) result.put(keysAndValues[i], keysAndValues[i + 1]);
        return result;
    }
}
