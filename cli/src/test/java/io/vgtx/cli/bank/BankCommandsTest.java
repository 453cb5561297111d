package io.vgtx.cli.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BankCommandsTest {
    private static final Path HASHLISTS = Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata")).resolve("pdq/hashlists");

    @TempDir
    Path work;
    private String data;

    @BeforeEach
    void node() {
        data = work.resolve("data").toString();
    }

    private CliRun vgtx(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(data);
        return CliRun.of(all.toArray(String[]::new));
    }

    private JsonNode listed(String bank) throws Exception {
        for (JsonNode node : new ObjectMapper().readTree(vgtx("bank", "list", "--json").out()))
            if (node.get("name").asText().equals(bank)) return node;
        throw new AssertionError("no bank " + bank);
    }

    @Test
    void anImportThatRetractsAnEntryTellsTheCasesThatLinkItsHash() throws Exception {
        String hash = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
        Path active = work.resolve("active.jsonl");
        Files.writeString(active, "{\"type\":\"PDQ\",\"value\":\"" + hash + "\"}\n");
        Path retracted = work.resolve("retracted.jsonl");
        Files.writeString(retracted, "{\"type\":\"PDQ\",\"value\":\"" + hash + "\",\"state\":\"RETRACTED\"}\n");
        assertThat(vgtx("bank", "create", "r", "--distribution", "GREEN", "--org", "Owner Police").exitCode()).isZero();
        assertThat(vgtx("bank", "import", "r", active.toString(), "--format", "jsonl", "--org", "Owner Police", "--no-progress").exitCode()).isZero();
        java.time.InstantSource clock = java.time.InstantSource.system();
        try (var db = io.vgtx.core.store.Database.open(io.vgtx.core.store.DatabaseConfig.dataDirectory(Path.of(data)))) {
            var police = new io.vgtx.core.org.Organisations(db, clock).initOperator("Case Police", "NL");
            var tokens = new io.vgtx.core.auth.Tokens(db, clock);
            var analyst = tokens.authenticate(tokens.issue(police.id(), io.vgtx.core.auth.Role.ANALYST, java.util.Optional.empty(), "t").secret())
                    .orElseThrow();
            var casework = io.vgtx.core.casework.Casework.open(db, clock, new io.vgtx.core.store.BankStore(db, clock),
                    new io.vgtx.core.policy.BankRecipients(db), new io.vgtx.core.org.Organisations(db, clock),
                    new io.vgtx.core.notify.Notifications(db, clock), new io.vgtx.core.audit.AuditLog(db, clock));
            var opened = casework.cases().open(analyst, "Op", java.util.Optional.empty());
            casework.cases().linkHashes(analyst, opened.id(), List.of(new io.vgtx.core.casework.HashRef(io.vgtx.core.signal.PdqSignal.PDQ, hash)));
        }

        CliRun imported = vgtx("bank", "import", "r", retracted.toString(), "--format", "jsonl", "--org", "Owner Police", "--no-progress");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        try (var db = io.vgtx.core.store.Database.open(io.vgtx.core.store.DatabaseConfig.dataDirectory(Path.of(data)))) {
            assertThat(new io.vgtx.core.notify.Notifications(db, java.time.InstantSource.system()).list("Case Police", 0, 100))
                    .extracting(io.vgtx.core.notify.Notification::kind).contains(io.vgtx.core.notify.NotificationKind.ENTRY_WITHDRAWN_FROM_CASE);
        }
    }

    @Test
    void createThenListShowsTheDefaults() throws Exception {
        assertThat(vgtx("bank", "create", "series-x", "--category", "B", "--distribution", "RED", "--org", "NCA").exitCode()).isZero();
        JsonNode bank = listed("series-x");
        assertThat(bank.get("owner").asText()).isEqualTo("NCA");
        assertThat(bank.get("distribution").asText()).isEqualTo("RED");
        assertThat(bank.get("category").asText()).isEqualTo("B");
        assertThat(vgtx("bank", "list").out()).contains("series-x").contains("NAME");
    }

    @Test
    void aSecondBankOfTheSameNameIsRefusedInOneLine() {
        vgtx("bank", "create", "dup");
        CliRun again = vgtx("bank", "create", "dup");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).singleElement().asString().startsWith("vgtx: ").contains("dup");
    }

    @Test
    void partnerPdqListsImportCompletely() throws Exception {
        vgtx("bank", "create", "partner");
        CliRun run = vgtx("bank", "import", "partner", HASHLISTS.resolve("haystack.txt").toString(), "--format", "pdq");
        assertThat(run.exitCode()).as(run.err()).isZero();
        long distinct = Files.readAllLines(HASHLISTS.resolve("haystack.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split(",")[0].toLowerCase()).distinct().count();
        assertThat(listed("partner").get("active_entries").get("PDQ").asLong()).isEqualTo(distinct);
    }

    @Test
    void aBadLineAddsNothingAndNamesTheLine() throws Exception {
        vgtx("bank", "create", "b");
        Path csv = work.resolve("list.csv");
        String good = "a".repeat(64);
        Files.writeString(csv, "type,value,category\nPDQ," + good + ",A\nMD5,not-a-digest,A\nPDQ," + "b".repeat(64) + ",A\n");
        CliRun run = vgtx("bank", "import", "b", csv.toString(), "--format", "csv");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("line 3").contains("nothing was added");
        assertThat(listed("b").get("active_entries").get("PDQ").asLong()).isZero();
    }

    @Test
    void anImportWhoseEntryBreaksAnEntryRuleAddsNothingAndNamesTheLine() throws Exception {
        vgtx("bank", "create", "b");
        String md5 = "0123456789abcdef0123456789abcdef";
        String md5b = "fedcba9876543210fedcba9876543210";
        String md5c = "00112233445566778899aabbccddeeff";
        record Case(String format, String file, String message) {}
        List<Case> cases = List.of(
                new Case("csv", "type,value,label\nMD5," + md5 + ",ok\nMD5," + md5b + "," + "x".repeat(1025) + "\n",
                        "line 3: label must be at most 1024 characters"),
                new Case("csv", "type,value,first_seen\nMD5," + md5 + ",2024-01-01\nMD5," + md5b + ",0001-01-01\n",
                        "line 3: first_seen: 0001-01-01T00:00:00Z is before 1990-01-01"),
                new Case("jsonl", "{\"type\":\"MD5\",\"value\":\"" + md5 + "\"}\n{\"type\":\"MD5\",\"value\":\"" + md5b + "\"}\n"
                        + "{\"type\":\"MD5\",\"value\":\"" + md5c + "\",\"metadata\":{\"notes\":\"" + "m".repeat(17 * 1024) + "\"}}\n",
                        "line 3: metadata must be at most 16384 bytes"),
                new Case("pdq", "a".repeat(64) + ",90,one.jpg\n" + "b".repeat(64) + ",90,two.jpg\n" + "c".repeat(64) + ",90,t\u202Egpj.exe\n",
                        "line 3: label must not hold an invisible format character"));
        for (Case c : cases) {
            Path file = work.resolve("bad." + c.format());
            Files.writeString(file, c.file());
            CliRun run = vgtx("bank", "import", "b", file.toString(), "--format", c.format());
            assertThat(run.exitCode()).as(c.message()).isEqualTo(1);
            assertThat(run.err()).contains(c.message()).contains("nothing was added");
        }
        listed("b").get("active_entries").forEach(count -> assertThat(count.asLong()).isZero());
    }

    @Test
    void addingAFileWhoseNameHoldsAControlCharacterAddsNothing() throws Exception {
        vgtx("bank", "create", "b");
        Path folder = Files.createDirectories(work.resolve("files"));
        Files.writeString(folder.resolve("fine.txt"), "fine");
        Files.writeString(folder.resolve("two\nlines.txt"), "bad name");
        CliRun run = vgtx("bank", "add", "b", folder.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("label must not hold a control character");
        listed("b").get("active_entries").forEach(count -> assertThat(count.asLong()).isZero());
    }

    @Test
    void exportThenImportGivesBackTheSameBank() throws Exception {
        vgtx("bank", "create", "source", "--category", "A");
        Path csv = work.resolve("in.csv");
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder text = new StringBuilder("type,value,quality,category,series,victim_identified,distribution,label,first_seen\n");
        for (int i = 0; i < 500; i++) {
            String hex = String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            text.append(i % 2 == 0 ? "PDQ," + hex + "," + random.nextInt(50, 101) : "SHA256," + hex + ",")
                    .append(',').append(i % 3 == 0 ? "B" : "A").append(",series-").append(i % 7).append(',')
                    .append(i % 5 == 0).append(',').append(i % 4 == 0 ? "GREEN" : "AMBER").append(",file ").append(i).append(".jpg,")
                    // STIX requires valid_from, so an entry without a first-seen time would come back with the export time.
                    .append(java.time.Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 3600L)).append('\n');
        }
        Files.writeString(csv, text);
        assertThat(vgtx("bank", "import", "source", csv.toString(), "--format", "csv").exitCode()).isZero();

        for (String format : List.of("csv", "jsonl", "stix")) {
            Path exported = work.resolve("out." + format);
            CliRun export = vgtx("bank", "export", "source", "--format", format, "-o", exported.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            vgtx("bank", "create", "copy-" + format);
            assertThat(vgtx("bank", "import", "copy-" + format, exported.toString(), "--format", format).out()).contains("500 added");
            Path again = work.resolve("again." + format);
            vgtx("bank", "export", "copy-" + format, "--format", "csv", "-o", again.toString());
            Path original = work.resolve("original.csv");
            vgtx("bank", "export", "source", "--format", "csv", "-o", original.toString());
            assertThat(Files.readString(again)).as(format).isEqualTo(Files.readString(original));
        }
    }

    @Test
    void retractNeedsAKnownBankAndHash() {
        vgtx("bank", "create", "r");
        assertThat(vgtx("bank", "retract", "nope", "a".repeat(32)).err()).contains("no bank named 'nope'");
        assertThat(vgtx("bank", "retract", "r", "a".repeat(32)).err()).contains("has no entry");
        assertThat(vgtx("bank", "retract", "r", "abc").err()).contains("--type");
    }

    @Test
    void importOfAMissingFileIsOneLine() {
        vgtx("bank", "create", "m");
        CliRun run = vgtx("bank", "import", "m", work.resolve("missing.csv").toString(), "--format", "csv");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains("missing.csv: no such file");
    }
}
