package io.vgtx.formats.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.vgtx.formats.Samples.MD5;
import static io.vgtx.formats.Samples.PDQ;
import static io.vgtx.formats.Samples.PHOTODNA_HEX;
import static io.vgtx.formats.Samples.SHA1;
import static io.vgtx.formats.Samples.SHA256;
import static io.vgtx.formats.Samples.upper;
import static org.assertj.core.api.Assertions.assertThat;

class StixFormatTest {
    private static final String GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    private static final String AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    private static final String RED = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
    private static final String WHITE = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    private static final Instant SEEN = Instant.parse("2025-03-04T05:06:07.123456Z");

    private static final List<EntryData> ENTRIES = List.of(
            EntryData.of(PdqSignal.PDQ, PDQ).withQuality(93).withLabel("img 1.jpg").withCategory(Category.A).withSeries("S-7")
                    .withVictimIdentified(true).withFirstSeen(SEEN).withDistribution(Distribution.AMBER)
                    .withGrades(List.of(new Grade("UK_CAID", "A", "Example Police", SEEN))).withMetadata(Map.of("note", "synthetic")),
            EntryData.of(DigestSignal.MD5, MD5).withDistribution(Distribution.GREEN).withState(EntryState.RETRACTED),
            EntryData.of(DigestSignal.SHA1, SHA1).withDistribution(Distribution.RED),
            EntryData.of(DigestSignal.SHA256, SHA256),
            EntryData.of(PhotoDnaSignal.PHOTODNA, PHOTODNA_HEX));

    @Test
    void writesABundleWithTheProducerTheTlpMarkingsAndOneIndicatorPerEntry() throws Exception {
        JsonNode bundle = new ObjectMapper().readTree(Io.write(Format.STIX, Io.entries(ENTRIES)));

        assertThat(bundle.get("type").asText()).isEqualTo("bundle");
        assertThat(bundle.get("id").asText()).startsWith("bundle--");
        JsonNode objects = bundle.get("objects");
        JsonNode identity = objects.get(0);
        assertThat(identity.get("type").asText()).isEqualTo("identity");
        assertThat(identity.get("name").asText()).isEqualTo("Example Hotline");
        assertThat(identity.get("identity_class").asText()).isEqualTo("organization");
        assertThat(identity.get("created").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(List.of(objects.get(1), objects.get(2), objects.get(3))).extracting(o -> o.get("id").asText() + " " + o.get("definition").get("tlp").asText())
                .containsExactly(GREEN + " green", AMBER + " amber", RED + " red");
        assertThat(objects.get(1).get("created").asText()).isEqualTo("2017-01-20T00:00:00.000Z");

        List<JsonNode> indicators = new ArrayList<>();
        objects.forEach(o -> { if (o.get("type").asText().equals("indicator")) indicators.add(o); });
        assertThat(indicators).extracting(i -> i.get("pattern").asText()).containsExactly(
                "[file:hashes.'PDQ' = '" + PDQ + "']", "[file:hashes.'MD5' = '" + MD5 + "']", "[file:hashes.'SHA-1' = '" + SHA1 + "']",
                "[file:hashes.'SHA-256' = '" + SHA256 + "']", "[file:hashes.'PhotoDNA' = '" + PHOTODNA_HEX + "']");
        assertThat(indicators).allSatisfy(i -> {
            assertThat(i.get("spec_version").asText()).isEqualTo("2.1");
            assertThat(i.get("pattern_type").asText()).isEqualTo("stix");
            assertThat(i.get("created_by_ref").asText()).isEqualTo(identity.get("id").asText());
            assertThat(i.get("modified").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
            assertThat(i.get("id").asText()).matches("indicator--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        });
        JsonNode pdq = indicators.get(0);
        assertThat(pdq.get("name").asText()).isEqualTo("img 1.jpg");
        assertThat(pdq.get("valid_from").asText()).isEqualTo("2025-03-04T05:06:07.123456Z");
        assertThat(pdq.get("created").asText()).isEqualTo("2025-03-04T05:06:07.123Z");
        assertThat(pdq.get("object_marking_refs")).extracting(JsonNode::asText).containsExactly(AMBER);
        assertThat(pdq.get("x_vgtx_category").asText()).isEqualTo("A");
        assertThat(pdq.get("x_vgtx_series").asText()).isEqualTo("S-7");
        assertThat(pdq.get("x_vgtx_victim_identified").asBoolean()).isTrue();
        assertThat(pdq.get("x_vgtx_quality").asInt()).isEqualTo(93);
        assertThat(pdq.has("revoked")).isFalse();
        assertThat(indicators.get(1).get("revoked").asBoolean()).isTrue();
        assertThat(indicators.get(3).has("object_marking_refs")).isFalse();
        assertThat(indicators.get(3).get("valid_from").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
    }

    @Test
    void exportingTheSameEntriesAgainGivesTheSameIds() throws Exception {
        String first = Io.write(Format.STIX, Io.entries(ENTRIES));
        String second = Io.write(Format.STIX, Io.entries(ENTRIES));
        Entry otherBank = new Entry(2, 8, "other-bank", "Example Hotline", ENTRIES.getFirst(), 1);

        assertThat(second).isEqualTo(first);
        assertThat(StixIds.indicator(otherBank)).isNotEqualTo(StixIds.indicator(Io.entry(ENTRIES.getFirst())));
    }

    @Test
    void uuid5FollowsTheRfc() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(StixIds.uuid5(dns, "python.org")).isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void readsIndicatorsOfOtherToolsAndCountsWhatItPassesOver() throws Exception {
        String bundle = "\uFEFF" + """
                {"objects":[
                 {"type":"identity","id":"identity--1","name":"Someone"},
                 {"type":"indicator","id":"indicator--a","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z",
                  "pattern":"[file:hashes.MD5 = '%s' OR file:hashes.'SHA-1' = '%s']","object_marking_refs":["%s"]},
                 {"type":"indicator","id":"indicator--b","pattern_type":"stix","pattern":"[file:hashes.x_pdq='%s']","object_marking_refs":["%s","%s"]},
                 {"type":"indicator","id":"indicator--c","pattern_type":"stix","pattern":"[file:hashes.'SHA-512' = '00']"},
                 {"type":"indicator","id":"indicator--d","pattern_type":"yara","pattern":"rule x {}"},
                 {"type":"indicator","id":"indicator--e","pattern_type":"stix","pattern":"[file:name = 'a.jpg']"},
                 {"type":"malware","id":"malware--1"},
                 {"type":"relationship","id":"relationship--1"},
                 {"type":"malware","id":"malware--2"}
                ],"type":"bundle","id":"bundle--1"}
                """.formatted(upper(MD5), SHA1, WHITE, PDQ, AMBER, RED);

        var read = Io.readAll(Format.STIX, Io.stream(bundle), ReadOptions.DEFAULT);

        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(read.entries()).containsExactly(
                EntryData.of(DigestSignal.MD5, MD5).withFirstSeen(from).withDistribution(Distribution.GREEN),
                EntryData.of(DigestSignal.SHA1, SHA1).withFirstSeen(from).withDistribution(Distribution.GREEN),
                EntryData.of(PdqSignal.PDQ, PDQ).withDistribution(Distribution.RED));
        assertThat(read.skipped()).isEqualTo(Map.of("malware", 2L, "relationship", 1L, "indicator with hash SHA-512", 1L,
                "indicator with pattern_type yara", 1L, "indicator with a pattern other than file hashes", 1L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad hash in a pattern | {"type":"bundle","objects":[\\n{"type":"identity","id":"identity--1"},\\n{"type":"indicator","id":"indicator--x","pattern_type":"stix","pattern":"[file:hashes.MD5 = '00']"}]} | object #2 (id indicator--x) at line 3: pattern: MD5 must be 32 hex digits, got 2 characters
            bad valid_from        | {"objects":[{"type":"indicator","pattern_type":"stix","valid_from":"yesterday","pattern":"[file:hashes.MD5 = '0123456789abcdef0123456789abcdef']"}]} | object #1 at line 1: valid_from: expected an ISO 8601 time
            no pattern            | {"objects":[{"type":"indicator","id":"indicator--y","pattern_type":"stix"}]} | object #1 (id indicator--y) at line 1: pattern: missing
            object without type   | {"objects":[{"id":"x--1"}]} | object #1 (id x--1) at line 1: type: missing
            not a bundle          | {"type":"report","objects":[]} | line 1: not a STIX bundle: type is 'report'
            not an object         | "bundle" | line 1: expected a STIX bundle
            malformed JSON        | {"objects":[\\n{"type":}]} | line 2, column
            """)
    void refusesMalformedInputNamingTheObjectAndLine(String problem, String escaped, String message) {
        assertThat(Io.failure(Format.STIX, escaped.replace("\\n", "\n")).getMessage()).startsWith(message);
    }

    @Test
    void readsAnEmptyBundle() throws Exception {
        assertThat(Io.read(Format.STIX, "{\"type\":\"bundle\",\"id\":\"bundle--1\"}")).isEmpty();
    }

    /** STIX carries every field of an entry; an unknown first-seen comes back as the export time (valid_from is required). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void exportThenImportIsTheIdentity(long seed) throws Exception {
        List<Entry> entries = RandomEntries.entries(seed, 300);

        List<EntryData> expected = entries.stream().map(Entry::data)
                .map(e -> e.withFirstSeen(e.firstSeen().orElse(Io.OPTIONS.now()))).toList();
        assertThat(Io.roundTrip(Format.STIX, entries)).isEqualTo(expected);
    }
}
