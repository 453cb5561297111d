package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.store.Backend;
import io.vgtx.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind the hostile-member trial sent, on both databases: each is a 400 problem naming what is wrong,
 * never a 500, and nothing is written.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class BadInputApiTest {
    static final String MD5 = "0123456789abcdef0123456789abcdef";
    static final String MD5_2 = "fedcba9876543210fedcba9876543210";
    static final String MD5_3 = "00112233445566778899aabbccddeeff";
    static final String PDQ = "f0e1d2c3b4a5968778695a4b3c2d1e0f".repeat(2);

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    Organisation police;
    String analyst;
    String nodeAdmin;
    long bank;
    long entry;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir, ReportSettings.none(), ServerConfig.defaults());
        police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        analyst = node.taskforce.token(police, Role.ANALYST);
        nodeAdmin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        LiveNode.Reply created = node.post(analyst, "/api/v1/banks", "{\"name\":\"known\",\"distribution\":\"GREEN\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        bank = created.json().get("id").asLong();
        assertThat(node.post(analyst, "/api/v1/banks/" + bank + "/entries", "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + MD5 + "\"}]}").status())
                .isEqualTo(200);
        entry = node.get(analyst, "/api/v1/banks/" + bank + "/entries").json().get("entries").get(0).get("id").asLong();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static String problem(LiveNode.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply.json().get("detail").asText();
    }

    private record Written(long changes, int auditEvents, long organisations) {}

    private Written written() {
        return new Written(new ChangeLog(node.database.jdbi()).lastSeq(), node.services.audit().list(0, 1000).size(),
                node.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organisations").mapTo(Long.class).one()));
    }

    @Test
    void aJsonNullOrNonObjectBodyIsA400OnEveryJsonRoute() {
        JsonNode paths = node.get(null, "/openapi.json").json().get("paths");
        List<String> refused = new ArrayList<>();
        Written before = written();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!method.getValue().path("requestBody").path("content").has("application/json")) return;
            String url = path.getKey().replace("{id}", String.valueOf(entry)).replace("{name}", "s-1");
            for (String body : List.of("null", "[]", "7", "\"x\"", "true")) {
                for (String token : new String[] {nodeAdmin, analyst, null}) {
                    LiveNode.Reply reply = node.send(method.getKey().toUpperCase(), token, url, body);
                    assertThat(reply.status()).as("%s %s %s → %s", method.getKey(), url, body, reply.body()).isBetween(400, 499);
                    assertThat(reply.json().get("type").asText()).startsWith("https://vgtx.io/problems/");
                    if (reply.status() == 400 && body.equals("null")) refused.add(method.getKey() + " " + path.getKey());
                }
            }
        }));
        assertThat(refused).as("routes that read the body and answered 400 to null").hasSizeGreaterThanOrEqualTo(22)
                .contains("post /api/v1/organisations", "post /api/v1/banks", "post /api/v1/match", "post /api/v1/reports");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void theUnauthenticatedApplicationRouteAnswersNullWith400() {
        assertThat(problem(node.send("POST", null, "/api/v1/organisations", "null"), 400)).isEqualTo("The request body must be a JSON object, not null.");
    }

    /** Found by fuzzing: Jackson took leading zero bytes for UTF-32 and failed with an I/O error, a 500. */
    @Test
    void aBodyThatIsNotUtf8TextIsMalformedJson() {
        byte[] utf32 = "{\"name\":\"x\",\"distribution\":\"GREEN\"}".getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
        byte[] badUtf8 = {'{', '"', 'n', (byte) 0xC3, '"', ':', '1', '}'};
        for (byte[] body : java.util.List.of(utf32, badUtf8)) {
            Written before = written();
            LiveNode.Reply reply = node.postBytes(analyst, "/api/v1/banks", "application/json", body);
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("type").asText()).endsWith("/malformed-json");
            assertThat(written()).isEqualTo(before);
        }
        assertThat(problem(node.postBytes(analyst, "/api/v1/banks", "application/json", badUtf8), 400)).isEqualTo("The request body is not UTF-8 text.");
        byte[] withBom = ("\uFEFF{\"name\":\"bom\",\"distribution\":\"GREEN\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(node.postBytes(analyst, "/api/v1/banks", "application/json", withBom).status()).isEqualTo(201);
    }

    @Test
    void nullsWhereAnObjectOrAValueIsExpectedAre400() {
        Written before = written();
        for (String[] request : new String[][] {
                {"/api/v1/banks/" + bank + "/entries", "{\"entries\":[null]}"},
                {"/api/v1/banks/" + bank + "/entries", "{\"entries\":null}"},
                {"/api/v1/match", "{\"hashes\":[null]}"},
                {"/api/v1/match", "{\"hashes\":null}"},
                {"/api/v1/reports", "{\"hashes\":[null],\"source\":\"PUBLIC\",\"hostingCountry\":\"NL\"}"},
                {"/api/v1/banks", "{\"name\":null,\"distribution\":\"GREEN\"}"},
                {"/api/v1/banks", "{\"name\":\"n\",\"distribution\":\"GREEN\",\"recipients\":[null]}"},
                {"/api/v1/organisations", "{\"name\":null,\"kind\":\"HOTLINE\",\"country\":\"DE\"}"}}) {
            assertThat(node.post(analyst, request[0], request[1]).status()).as("%s %s", request[0], request[1]).isEqualTo(400);
        }
        assertThat(node.send("PUT", nodeAdmin, "/api/v1/organisations/" + police.id() + "/jurisdictions", "{\"countries\":[null]}").status())
                .isEqualTo(400);
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void firstSeenTimesOutOfRangeAre400NamingTheField() {
        Written before = written();
        for (String at : List.of("-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "1989-12-31T23:59:59Z", "2026-01-03T00:00:00Z")) {
            String detail = problem(node.post(analyst, "/api/v1/banks/" + bank + "/entries",
                    "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + MD5_2 + "\",\"firstSeen\":\"" + at + "\"}]}"), 400);
            assertThat(detail).as(at).startsWith("entries[0]: first_seen: ");
        }
        // The node's clock is 2026-01-01: a partner's a few hours ahead is no error.
        assertThat(node.post(analyst, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + MD5_2 + "\",\"firstSeen\":\"2026-01-01T20:00:00Z\"}]}").status()).isEqualTo(200);
        assertThat(written().auditEvents()).isEqualTo(before.auditEvents() + 1);
    }

    @Test
    void reportAndVictimIdentifiedTimesOutOfRangeAre400NamingTheField() {
        Written before = written();
        for (String at : List.of("-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            String detail = problem(node.post(analyst, "/api/v1/reports",
                    "{\"url\":\"https://host.example/x\",\"source\":\"PUBLIC\",\"hostingCountry\":\"NL\",\"reportedAt\":\"" + at + "\"}"), 400);
            assertThat(detail).as(at).startsWith("reportedAt: ");
        }
        for (String on : List.of("-999999999-01-01", "0001-01-01", "+10000-01-01", "2026-01-02")) {
            String detail = problem(node.post(analyst, "/api/v1/series/s-1/victim-identified", "{\"on\":\"" + on + "\"}"), 400);
            assertThat(detail).as(on).startsWith("on: ");
        }
        assertThat(written()).isEqualTo(before);
        // A statistics window from the beginning of time is simply everything: not a 500.
        String from = URLEncoder.encode("-999999999-01-01T00:00:00Z", StandardCharsets.UTF_8);
        String to = URLEncoder.encode("+999999999-12-31T23:59:59Z", StandardCharsets.UTF_8);
        LiveNode.Reply statistics = node.get(analyst, "/api/v1/reports/statistics?from=" + from + "&to=" + to);
        assertThat(statistics.status()).as(statistics.body()).isEqualTo(200);
    }

    @Test
    void idsAreAsciiDigitsWrittenOneWay() {
        assertThat(node.get(analyst, "/api/v1/entries/" + entry).status()).isEqualTo(200);
        for (String id : List.of("+" + entry, "0" + entry, URLEncoder.encode(arabicIndic(entry), StandardCharsets.UTF_8), "%20" + entry, entry + "%20",
                "-" + entry, "99999999999999999999")) {
            assertThat(problem(node.get(analyst, "/api/v1/entries/" + id), 400)).as(id).contains("Parameter 'id'");
        }
        assertThat(problem(node.get(analyst, "/api/v1/feed?after=%2B1"), 400)).contains("Parameter 'after'");
    }

    private static String arabicIndic(long number) {
        StringBuilder digits = new StringBuilder();
        for (char c : String.valueOf(number).toCharArray()) digits.append((char) ('\u0660' + (c - '0')));
        return digits.toString();
    }

    @Test
    void namesLabelsAndTextWithControlOrFormatCharactersAreRefused() {
        Written before = written();
        for (String name : List.of("NL\\u200bPolice", "Op\\u202ePolice", "Police\\u0000", "Two\\nLines", "\\ufeffPolice", "Lone \\ud800")) {
            String detail = problem(node.send("POST", null, "/api/v1/organisations",
                    "{\"name\":\"" + name + "\",\"kind\":\"HOTLINE\",\"country\":\"DE\"}"), 400);
            assertThat(detail).as(name).startsWith("organisation name must not hold");
            node.clock.advance(Duration.ofHours(1)); // past the limit of applications per address
        }
        assertThat(problem(node.post(analyst, "/api/v1/banks", "{\"name\":\"b\\u2066x\",\"distribution\":\"GREEN\"}"), 400))
                .startsWith("bank name must not hold");
        assertThat(problem(node.post(analyst, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + MD5_2 + "\",\"label\":\"a\\r\\nb\"}]}"), 400))
                .startsWith("entries[0]: label must not hold a control character");
        String admin = node.taskforce.token(police, Role.ADMIN);
        assertThat(problem(node.post(admin, "/api/v1/organisations/" + police.id() + "/tokens", "{\"role\":\"VIEWER\",\"label\":\"t\\u200d\"}"), 400))
                .startsWith("token label must not hold");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void freeTextMayRunOverLinesButNotHideCharacters() {
        String hotlineAnalyst = node.taskforce.token(node.taskforce.active("Hotline", OrganisationKind.HOTLINE), Role.ANALYST);
        assertThat(problem(node.post(hotlineAnalyst, "/api/v1/entries/" + entry + "/dispute", "{\"reason\":\"looks \\u202eharmless\"}"), 400))
                .startsWith("reason must not hold");
        LiveNode.Reply disputed = node.post(hotlineAnalyst, "/api/v1/entries/" + entry + "/dispute", "{\"reason\":\"not CSAM:\\nsee the case notes\"}");
        assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
        assertThat(disputed.json().get("reason").asText()).isEqualTo("not CSAM:\nsee the case notes");
    }

    @Test
    void namesAndLabelsAreStoredNfcNormalised() {
        LiveNode.Reply created = node.post(analyst, "/api/v1/banks", "{\"name\":\"Cafe\\u0301 bank\",\"distribution\":\"GREEN\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(node.get(analyst, "/api/v1/banks").body()).contains("Café bank");
        assertThat(node.post(analyst, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + MD5_3 + "\",\"label\":\"Se\\u0301rie.jpg\"}]}").status()).isEqualTo(200);
        assertThat(node.get(analyst, "/api/v1/banks/" + bank + "/entries").body()).contains("Série.jpg");
    }

    @Test
    void aLabelOfUpTo1024CharactersIsTakenOnTheEntriesRouteAndOneMoreIsNot() {
        Written before = written();
        assertThat(problem(node.post(analyst, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + MD5 + "\"},{\"type\":\"MD5\",\"value\":\"" + MD5_2 + "\",\"label\":\"" + "x".repeat(1025) + "\"}]}"), 400))
                .isEqualTo("entries[1]: label must be at most 1024 characters, not 1025");
        assertThat(written()).isEqualTo(before);
        assertThat(node.post(analyst, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + MD5_2 + "\",\"label\":\"" + "x".repeat(1024) + "\"}]}").status()).isEqualTo(200);
    }

    /** One file per import format whose third record breaks an entry rule, and where the refusal must say it is. */
    static final Map<String, String[]> BAD_IMPORTS = Map.of(
            "csv", new String[] {"type,value,label\nMD5," + MD5 + ",a\nMD5," + MD5_2 + ",b\nMD5," + MD5_3 + "," + "x".repeat(1025) + "\n",
                    "Nothing was imported: line 4: label must be at most 1024 characters"},
            "pdq", new String[] {PDQ + ",90,a\n" + PDQ.replace('f', 'e') + ",90,b\n" + PDQ.replace('f', 'd') + ",90," + "x".repeat(1025) + "\n",
                    "Nothing was imported: line 3: label must be at most 1024 characters"},
            "jsonl", new String[] {jsonl(MD5, "") + jsonl(MD5_2, "") + jsonl(MD5_3, ",\"metadata\":{\"notes\":\"" + "m".repeat(17 * 1024) + "\"}"),
                    "Nothing was imported: line 3: metadata must be at most 16384 bytes"},
            "vics", new String[] {"{\"odata.metadata\":\"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media\",\"value\":[\n"
                    + "{\"MediaID\":1,\"MD5\":\"" + MD5 + "\"},\n{\"MediaID\":2,\"MD5\":\"" + MD5_2 + "\"},\n"
                    + "{\"MediaID\":3,\"MD5\":\"" + MD5_3 + "\",\"Notes\":\"" + "m".repeat(17 * 1024) + "\"}]}",
                    "Nothing was imported: Media #3 (MediaID 3) at line 4: metadata must be at most 16384 bytes"},
            "icse", new String[] {"MD5;Series name\r\n" + MD5 + ";a\r\n" + MD5_2 + ";b\r\n" + MD5_3 + ";" + "s".repeat(1025) + "\r\n",
                    "Nothing was imported: line 4: series must be at most 1024 characters"},
            "stix", new String[] {"{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[\n" + indicator("a", MD5, "\"2024-01-01T00:00:00Z\"") + ",\n"
                    + indicator("b", MD5_2, "\"2024-01-01T00:00:00Z\"") + ",\n" + indicator("c", MD5_3, "\"0001-01-01T00:00:00Z\"") + "]}",
                    "Nothing was imported: object #3 (id indicator--c) at line 4: first_seen: 0001-01-01T00:00:00Z is before 1990-01-01"});

    private static String jsonl(String md5, String more) {
        return "{\"type\":\"MD5\",\"value\":\"" + md5 + "\"" + more + "}\n";
    }

    private static String indicator(String id, String md5, String validFrom) {
        return "{\"type\":\"indicator\",\"id\":\"indicator--" + id + "\",\"pattern_type\":\"stix\",\"valid_from\":" + validFrom
                + ",\"pattern\":\"[file:hashes.MD5 = '" + md5 + "']\"}";
    }

    @Test
    void everyImportFormatNamesTheRecordOverALimitOrOutOfRangeAndImportsNothing() {
        Written before = written();
        BAD_IMPORTS.forEach((format, bad) -> {
            LiveNode.Reply reply = node.postBytes(analyst, "/api/v1/banks/" + bank + "/import?format=" + format, "application/octet-stream",
                    bad[0].getBytes(StandardCharsets.UTF_8));
            assertThat(problem(reply, 400)).as(format).startsWith(bad[1]);
        });
        assertThat(written()).isEqualTo(before);
        assertThat(node.get(analyst, "/api/v1/banks/" + bank + "/entries").json().get("entries")).hasSize(1);
    }
}
