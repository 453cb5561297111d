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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/banks/{id}/import}: a whole file of every exchange format into one's own bank, in one transaction,
 * on both databases. A refused file must leave the bank, the change log, the match index and the audit trail as they were.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class ImportApiTest {
    static final long UPLOAD_LIMIT = 256 * 1024;
    /** Well below the upload limit: a file is not held to the limit of a JSON body. */
    static final long JSON_LIMIT = 32 * 1024;
    static final String MD5 = "0123456789abcdef0123456789abcdef";
    static final String SHA1 = "0123456789abcdef0123456789abcdef01234567";
    static final String PDQ = "f0e1d2c3b4a5968778695a4b3c2d1e0f".repeat(2);
    static final String PDQ_2 = "00112233445566778899aabbccddeeff".repeat(2);

    /** One small file per format, each with the entries it should add. */
    static final Map<String, Sample> SAMPLES = Map.of(
            "csv", new Sample("type,value,category,label\nMD5," + MD5 + ",C,\"one, quoted\"\nPDQ," + PDQ + ",,two\n", 2),
            "pdq", new Sample("# a partner's list\n" + PDQ.toUpperCase() + ",90\n\n" + PDQ_2 + ",100,file.jpg\n", 2),
            "jsonl", new Sample("{\"path\":\"a.jpg\",\"pdq\":\"" + PDQ + "\",\"quality\":100,\"md5\":\"" + MD5 + "\"}\n", 2),
            "vics", new Sample("\uFEFF{\"odata.metadata\":\"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media\",\"value\":["
                    + "{\"MediaID\":1,\"MD5\":\"" + MD5.toUpperCase() + "\",\"SHA1\":\"" + SHA1 + "\",\"Category\":1,\"IsPrecategorized\":true,"
                    + "\"Series\":\"s-1\",\"VictimIdentified\":\"false\"}]}", 2),
            "icse", new Sample("MD5;SHA1;PhotoDNA;Image ID;Is distributed;Victim identified;Offender identified;Series name;"
                    + "Number of submissions;File Available;Media Type;Baseline\r\n" + MD5 + ";;;1001;Yes;No;No;\"Series; one\";3;No;Image;Yes\r\n", 1),
            "stix", new Sample("{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[{\"type\":\"identity\",\"id\":\"identity--1\",\"name\":\"X\"},"
                    + "{\"type\":\"indicator\",\"id\":\"indicator--a\",\"pattern_type\":\"stix\",\"valid_from\":\"2024-01-01T00:00:00Z\","
                    + "\"pattern\":\"[file:hashes.MD5 = '" + MD5 + "']\"},{\"type\":\"malware\",\"id\":\"malware--1\"}]}", 1));

    record Sample(String text, int entries) {
        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    Organisation police;
    String analyst;
    long bank;

    @BeforeEach
    void start() {
        node = new LiveNode(backend, tempDir, ReportSettings.none(), ServerConfig.defaults().withMaxRequestBytes(JSON_LIMIT).withMaxUploadBytes(UPLOAD_LIMIT));
        police = node.taskforce.active("Police", OrganisationKind.LAW_ENFORCEMENT);
        analyst = node.taskforce.token(police, Role.ANALYST);
        bank = newBank(analyst, "imports", "GREEN");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long newBank(String token, String name, String distribution) {
        LiveNode.Reply created = node.post(token, "/api/v1/banks", "{\"name\":\"" + name + "\",\"distribution\":\"" + distribution + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private LiveNode.Reply importFile(String token, long bankId, String query, byte[] file) {
        return node.postBytes(token, "/api/v1/banks/" + bankId + "/import" + query, "application/octet-stream", file);
    }

    private List<String> values(long bankId) {
        List<String> values = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = node.get(analyst, "/api/v1/banks/" + bankId + "/entries?limit=1000&after=" + after).json();
            page.get("entries").forEach(e -> values.add(e.get("value").asText()));
            if (page.get("next") == null || page.get("next").isNull()) return values;
            after = page.get("next").asLong();
        }
    }

    /** What a refused import must not have changed: entries, change log, match index, audit trail. */
    private record State(List<String> entries, long lastSeq, long indexedSeq, Map<String, Long> indexSizes, long auditEvents) {}

    private State state() {
        // A match brings the index up to date with the change log, as any reader would.
        assertThat(node.post(analyst, "/api/v1/match", "{\"hashes\":[{\"type\":\"MD5\",\"value\":\"" + MD5 + "\"}]}").status()).isEqualTo(200);
        var index = node.services.matching().index();
        return new State(values(bank), new ChangeLog(node.database.jdbi()).lastSeq(), index.appliedSeq(), Map.copyOf(index.sizes()),
                node.services.audit().list(0, 1000).size());
    }

    @Test
    void everyFormatTheCliReadsImportsWithItsFormatGivenOrRecognised() {
        SAMPLES.forEach((format, sample) -> {
            long given = newBank(analyst, "given-" + format, "GREEN");
            LiveNode.Reply reply = importFile(analyst, given, "?format=" + format, sample.bytes());
            assertThat(reply.status()).as(format + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json().get("format").asText()).isEqualTo(format);
            assertThat(reply.json().get("added").asLong()).as(format).isEqualTo(sample.entries());
            assertThat(reply.json().get("bytes").asLong()).isEqualTo(sample.bytes().length);
            assertThat(values(given)).as(format).hasSize(sample.entries());

            long recognised = newBank(analyst, "recognised-" + format, "GREEN");
            LiveNode.Reply detected = importFile(analyst, recognised, "", sample.bytes());
            assertThat(detected.status()).as(format + ": " + detected.body()).isEqualTo(200);
            assertThat(detected.json().get("format").asText()).as("recognised from the file").isEqualTo(format);
            assertThat(values(recognised)).isEqualTo(values(given));
        });
    }

    @Test
    void skippedRecordsAreCountedByKindAndAReimportCountsUnchanged() {
        Sample stix = SAMPLES.get("stix");
        JsonNode first = importFile(analyst, bank, "?format=stix", stix.bytes()).json();
        assertThat(first.get("skipped").get("malware").asLong()).isEqualTo(1);
        JsonNode again = importFile(analyst, bank, "?format=stix", stix.bytes()).json();
        assertThat(again.get("added").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(1);
    }

    @Test
    void anImportIsOneAuditedWriteThatReachesTheChangeLogAndTheIndex() {
        State before = state();
        assertThat(importFile(analyst, bank, "?format=csv", SAMPLES.get("csv").bytes()).status()).isEqualTo(200);
        State after = state();
        assertThat(after.lastSeq()).isEqualTo(before.lastSeq() + 2);
        assertThat(after.indexedSeq()).isEqualTo(after.lastSeq());
        assertThat(after.indexSizes().get("MD5")).isEqualTo(before.indexSizes().get("MD5") + 1);
        var events = node.services.audit().list(0, 1000);
        var imported = events.stream().filter(e -> e.action().equals("entries.import")).toList();
        assertThat(imported).hasSize(1);
        assertThat(imported.getFirst().subject()).isEqualTo("bank:" + bank);
        assertThat(imported.getFirst().details()).containsEntry("added", "2").containsEntry("format", "csv");
        JsonNode feed = node.get(analyst, "/api/v1/feed?after=" + before.lastSeq()).json();
        assertThat(feed.get("changes")).hasSize(2);
    }

    @Test
    void aBadRowInTheMiddleIsNamedAndNothingIsWritten() {
        assertThat(importFile(analyst, bank, "?format=pdq", (PDQ + "\n").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        State before = state();
        // Past the first write batch of 1 000, so rows really were written inside the transaction before it failed.
        StringBuilder csv = new StringBuilder("type,value,label\n");
        for (int i = 1; i <= 2500; i++) {
            csv.append("MD5,").append(i == 1500 ? "not-a-hash" : String.format("%032x", i)).append(",row ").append(i).append('\n');
        }
        LiveNode.Reply refused = importFile(analyst, bank, "?format=csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("https://vgtx.io/problems/validation");
        assertThat(refused.json().get("detail").asText()).startsWith("Nothing was imported: line 1501: value:");
        assertThat(state()).isEqualTo(before);

        LiveNode.Reply badJson = importFile(analyst, bank, "?format=vics", "{\"value\":[{\"MediaID\":1,\"MD5\":\"zz\"}]}".getBytes(StandardCharsets.UTF_8));
        assertThat(badJson.status()).as(badJson.body()).isEqualTo(400);
        assertThat(badJson.json().get("detail").asText()).contains("line 1");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aWrongFormatAnUnknownOneOrNoneThatCanBeRecognisedIsA400() {
        State before = state();
        LiveNode.Reply unknown = importFile(analyst, bank, "?format=docx", SAMPLES.get("csv").bytes());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("unknown format 'docx'");
        LiveNode.Reply wrong = importFile(analyst, bank, "?format=stix", SAMPLES.get("csv").bytes());
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).startsWith("Nothing was imported: line 1");
        LiveNode.Reply csvAsPdq = importFile(analyst, bank, "?format=pdq", SAMPLES.get("csv").bytes());
        assertThat(csvAsPdq.status()).isEqualTo(400);
        assertThat(csvAsPdq.json().get("detail").asText()).startsWith("Nothing was imported: line 1");
        LiveNode.Reply unrecognised = importFile(analyst, bank, "", "hello world\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unrecognised.status()).isEqualTo(400);
        assertThat(unrecognised.json().get("detail").asText()).contains("?format=csv|pdq|jsonl|vics|icse|stix");
        byte[] garbled = new byte[4096];
        new java.util.Random(7).nextBytes(garbled);
        for (int i = 0; i < garbled.length; i++) if (garbled[i] == 0) garbled[i] = 1;
        for (String format : SAMPLES.keySet()) {
            LiveNode.Reply garbage = importFile(analyst, bank, "?format=" + format, garbled);
            assertThat(garbage.status()).as(format + ": " + garbage.body()).isEqualTo(400);
            assertThat(garbage.json().get("detail").asText()).as("read as the format given").startsWith("Nothing was imported: ");
        }
        assertThat(importFile(analyst, bank, "?format=csv", new byte[0]).status()).isEqualTo(400);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anImageSentToTheImportIsRefusedBeforeAByteOfItIsWritten() throws Exception {
        State before = state();
        byte[] image;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata"), "pdq", "images"))) {
            image = java.nio.file.Files.readAllBytes(files.filter(f -> f.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow());
        }
        image = java.util.Arrays.copyOf(image, (int) Math.min(image.length, UPLOAD_LIMIT / 2)); // within this node's upload limit
        for (String query : List.of("", "?format=csv", "?format=pdq")) {
            LiveNode.Reply refused = importFile(analyst, bank, query, image);
            assertThat(refused.status()).as(query + ": " + refused.body()).isEqualTo(415);
            assertThat(refused.json().get("detail").asText()).contains("binary content").contains("nothing of it was kept");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aFileLargerThanAJsonBodyMayBeImportedWhetherItsLengthIsDeclaredOrNot() {
        StringBuilder pdq = new StringBuilder();
        for (int i = 0; pdq.length() <= 4 * JSON_LIMIT; i++) pdq.append(String.format("%064x", i + 1)).append(",100\n");
        byte[] file = pdq.toString().getBytes(StandardCharsets.UTF_8);
        long lines = pdq.chars().filter(c -> c == '\n').count();
        LiveNode.Reply declared = node.postBytesLarge(analyst, "/api/v1/banks/" + bank + "/import", "text/plain", file);
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(declared.json().get("added").asLong()).isEqualTo(lines);
        LiveNode.Reply streamed = node.postStream(analyst, "/api/v1/banks/" + bank + "/import", "text/plain", file);
        assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
        assertThat(streamed.json().get("unchanged").asLong()).isEqualTo(lines);
        assertThat(values(bank)).hasSize((int) lines);
    }

    @Test
    void aBodyOverTheUploadLimitIsA413AndWritesNothing() {
        State before = state();
        StringBuilder pdq = new StringBuilder();
        while (pdq.length() <= UPLOAD_LIMIT) pdq.append(String.format("%064x", pdq.length())).append('\n');
        byte[] file = pdq.toString().getBytes(StandardCharsets.UTF_8);
        LiveNode.Reply declared = node.postBytesLarge(analyst, "/api/v1/banks/" + bank + "/import?format=pdq", "text/plain", file);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("detail").asText()).contains(Long.toString(UPLOAD_LIMIT));
        LiveNode.Reply streamed = node.postStream(analyst, "/api/v1/banks/" + bank + "/import?format=pdq", "text/plain", file);
        assertThat(streamed.status()).as("no Content-Length: counted while read").isEqualTo(413);
        assertThat(state()).isEqualTo(before);
        assertThat(node.postStream(analyst, "/api/v1/banks/" + bank + "/import?format=pdq", "text/plain",
                SAMPLES.get("pdq").bytes()).status()).as("a streamed body within the limit").isEqualTo(200);
    }

    @Test
    void onlyTheOwnersWritersImportAndARefusalIsAnsweredAsTheEntriesRouteAnswersIt() {
        String viewer = node.taskforce.token(police, Role.VIEWER);
        Organisation other = node.taskforce.active("Other Police", OrganisationKind.LAW_ENFORCEMENT);
        String otherAnalyst = node.taskforce.token(other, Role.ANALYST);
        String ngo = node.taskforce.token(node.taskforce.active("NGO", OrganisationKind.NGO), Role.ANALYST);
        long red = newBank(analyst, "red", "RED");
        String operatorAdmin = node.taskforce.token(node.taskforce.operator, Role.ADMIN);
        State before = state();
        byte[] file = SAMPLES.get("csv").bytes();
        String entry = "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + MD5 + "\"}]}";
        record Refusal(String who, String token, long bank, int status) {}
        List<Refusal> refusals = List.of(
                new Refusal("a VIEWER of the owner", viewer, bank, 403),
                new Refusal("another organisation that sees the bank", otherAnalyst, bank, 403),
                new Refusal("one that may not see a RED bank", otherAnalyst, red, 404),
                new Refusal("a partner", ngo, red, 404),
                new Refusal("no bank", analyst, bank + 100, 404),
                new Refusal("no token", null, bank, 401));
        for (Refusal refusal : refusals) {
            LiveNode.Reply imported = importFile(refusal.token(), refusal.bank(), "?format=csv", file);
            assertThat(imported.status()).as(refusal.who() + ": " + imported.body()).isEqualTo(refusal.status());
            assertThat(node.post(refusal.token(), "/api/v1/banks/" + refusal.bank() + "/entries", entry).status())
                    .as(refusal.who() + " on the entries route").isEqualTo(refusal.status());
        }
        assertThat(node.post(operatorAdmin, "/api/v1/organisations/" + police.id() + "/suspend", "").status()).isEqualTo(200);
        assertThat(importFile(analyst, bank, "?format=csv", file).status()).as("a suspended organisation").isEqualTo(403);
        assertThat(node.post(analyst, "/api/v1/banks/" + bank + "/entries", entry).status()).isEqualTo(403);
        assertThat(node.post(operatorAdmin, "/api/v1/organisations/" + police.id() + "/reinstate", "").status()).isEqualTo(200);
        State after = state();
        assertThat(after.entries()).isEqualTo(before.entries());
        assertThat(after.lastSeq()).isEqualTo(before.lastSeq());
    }

    @Test
    void theRouteIsInTheOpenApiDocumentAsAFileUpload() {
        JsonNode operation = node.get(null, "/openapi.json").json().get("paths").get("/api/v1/banks/{id}/import").get("post");
        assertThat(operation.get("requestBody").get("content").has("application/octet-stream")).isTrue();
        assertThat(operation.get("responses").has("413")).isTrue();
    }
}
