package io.vgtx.formats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.vgtx.formats.Samples.MD5;
import static io.vgtx.formats.Samples.PDQ;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format's reader holds its entries to the entry rules (core {@code EntryRules}) and names the record that broke
 * one: a first-seen time out of range, a label over 1 024 characters, metadata over 16 KiB, a control or bidi character
 * in a label or series — {@code line 3: first_seen: …}, not a failure after some count of entries.
 */
class EntryRulesInEveryFormatTest {
    static final String LONG = "x".repeat(1025);
    static final String BIG = "m".repeat(17 * 1024);
    static final String MD5_2 = "fedcba9876543210fedcba9876543210";
    static final String MD5_3 = "00112233445566778899aabbccddeeff";

    static Stream<Arguments> badThirdRecords() {
        return Stream.of(
                Arguments.of(Format.CSV, "type,value,first_seen\nMD5," + MD5 + ",2024-01-01\nMD5," + MD5_2 + ",-999999999-01-01T00:00:00Z\n",
                        "line 3: first_seen: ", "before 1990-01-01"),
                Arguments.of(Format.CSV, "type,value,first_seen\nMD5," + MD5 + ",2024-01-01\nMD5," + MD5_2 + ",0001-01-01\n",
                        "line 3: first_seen: ", "before 1990-01-01"),
                Arguments.of(Format.CSV, "type,value,first_seen\nMD5," + MD5 + ",2024-01-01\nMD5," + MD5_2 + ",+10000-01-01T00:00:00Z\n",
                        "line 3: first_seen: ", "in the future"),
                Arguments.of(Format.CSV, "type,value,label\nMD5," + MD5 + ",ok\nMD5," + MD5_2 + "," + LONG + "\n",
                        "line 3: label must be at most 1024 characters", ""),
                Arguments.of(Format.CSV, "type,value,label\nMD5," + MD5 + ",ok\nMD5," + MD5_2 + ",\"two\nlines\"\n",
                        "line 3: label must not hold a control character", ""),
                Arguments.of(Format.CSV, "type,value,series\nMD5," + MD5 + ",ok\nMD5," + MD5_2 + ",s\u202Eries\n",
                        "line 3: series must not hold an invisible format character", "U+202E"),
                Arguments.of(Format.PDQ, PDQ + ",100,a.jpg\n" + PDQ.replace('f', 'e') + ",100,b.jpg\n" + PDQ.replace('f', 'd') + ",100," + LONG + "\n",
                        "line 3: label must be at most 1024 characters", ""),
                Arguments.of(Format.JSONL, jsonl(MD5, "\"first_seen\":\"2024-01-01T00:00:00Z\"") + jsonl(MD5_2, "\"label\":\"ok\"")
                        + jsonl(MD5_3, "\"first_seen\":\"1989-12-31T00:00:00Z\""), "line 3: first_seen: ", "before 1990-01-01"),
                Arguments.of(Format.JSONL, jsonl(MD5, "\"label\":\"ok\"") + jsonl(MD5_2, "\"label\":\"ok\"") + jsonl(MD5_3, "\"label\":\"" + LONG + "\""),
                        "line 3: label must be at most 1024 characters", ""),
                Arguments.of(Format.JSONL, jsonl(MD5, "\"label\":\"ok\"") + jsonl(MD5_2, "\"label\":\"ok\"")
                        + jsonl(MD5_3, "\"metadata\":{\"notes\":\"" + BIG + "\"}"), "line 3: metadata must be at most 16384 bytes", ""),
                Arguments.of(Format.JSONL, jsonl(MD5, "\"label\":\"ok\"") + jsonl(MD5_2, "\"label\":\"ok\"")
                        + jsonl(MD5_3, "\"grades\":[{\"scheme\":\"VICS\",\"grade\":\"1\",\"graded_at\":\"0001-01-01T00:00:00Z\"}]"),
                        "line 3: grades.graded_at: ", "before 1990-01-01"),
                Arguments.of(Format.ICSE, icse("ok", "") + icse(LONG, ""), "line 3: series must be at most 1024 characters", ""),
                Arguments.of(Format.ICSE, icse("ok", "") + icse("ok", BIG), "line 3: metadata must be at most 16384 bytes", ""),
                Arguments.of(Format.VICS, vics("\"RelativeFilePath\":\"" + LONG + "\""), "Media #3 (MediaID 3) at line ", "label must be at most 1024"),
                Arguments.of(Format.VICS, vics("\"Notes\":\"" + BIG + "\""), "Media #3 (MediaID 3) at line ", "metadata must be at most 16384 bytes"),
                Arguments.of(Format.VICS, vics("\"Series\":\"NL\\u200BSeries\""), "Media #3 (MediaID 3) at line ", "series must not hold"),
                Arguments.of(Format.STIX, stix("\"valid_from\":\"0001-01-01T00:00:00Z\""), "object #4 (id indicator--c) at line ", "first_seen: "),
                Arguments.of(Format.STIX, stix("\"name\":\"" + LONG + "\""), "object #4 (id indicator--c) at line ", "label must be at most 1024"),
                Arguments.of(Format.STIX, stix("\"x_vgtx_metadata\":{\"k\":\"" + BIG + "\"}"), "object #4 (id indicator--c) at line ",
                        "metadata must be at most 16384 bytes"));
    }

    @ParameterizedTest(name = "{0}: {2}{3}")
    @MethodSource("badThirdRecords")
    void theRecordThatBreaksAnEntryRuleIsNamed(Format format, String file, String startsWith, String contains) {
        FormatException failure = Io.failure(format, file);
        assertThat(failure).as("%s refuses the third record", format).isNotNull();
        assertThat(failure.getMessage()).startsWith(startsWith).contains(contains);
    }

    private static String jsonl(String md5, String field) {
        return "{\"type\":\"MD5\",\"value\":\"" + md5 + "\"," + field + "}\n";
    }

    private static String icse(String series, String imageId) {
        String header = "MD5;Series name;Image ID\r\n";
        String row = (series.equals("ok") && imageId.isEmpty() ? MD5 : MD5_2) + ";" + series + ";" + imageId + "\r\n";
        return series.equals("ok") && imageId.isEmpty() ? header + row : row;
    }

    private static String vics(String thirdField) {
        return "{\"odata.metadata\":\"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media\",\"value\":[\n"
                + "{\"MediaID\":1,\"MD5\":\"" + MD5 + "\"},\n{\"MediaID\":2,\"MD5\":\"" + MD5_2 + "\"},\n"
                + "{\"MediaID\":3,\"MD5\":\"" + MD5_3 + "\"," + thirdField + "}]}";
    }

    private static String stix(String thirdField) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[{\"type\":\"identity\",\"id\":\"identity--1\",\"name\":\"X\"},\n"
                + indicator("a", MD5, "\"name\":\"ok\"") + ",\n" + indicator("b", MD5_2, "\"name\":\"ok\"") + ",\n"
                + indicator("c", MD5_3, thirdField) + "]}";
    }

    private static String indicator(String id, String md5, String field) {
        return "{\"type\":\"indicator\",\"id\":\"indicator--" + id + "\",\"pattern_type\":\"stix\",\"pattern\":\"[file:hashes.MD5 = '" + md5 + "']\","
                + field + "}";
    }
}
