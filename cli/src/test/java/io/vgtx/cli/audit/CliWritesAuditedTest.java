package io.vgtx.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 §8: every command that writes appends its audit event, named as the API names the same act, under the
 * operating-system user ({@code cli:<user.name>}), in the one hash chain that {@code vgtx audit verify} checks.
 */
class CliWritesAuditedTest {
    private static final String CLI_USER = "cli:" + System.getProperty("user.name");

    @TempDir
    Path work;

    private CliRun vgtx(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(work.resolve("data").toString());
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    @Test
    void everyWritingCommandIsAuditedUnderTheOperatingSystemUserInOneIntactChain() throws Exception {
        vgtx("admin", "init", "--org", "Op Police", "--country", "NL");
        vgtx("bank", "create", "series", "--distribution", "AMBER");
        Path list = work.resolve("hashes.txt");
        Random random = new Random(14);
        StringBuilder pdq = new StringBuilder();
        String first = null;
        for (int i = 0; i < 500; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            String hex = HexFormat.of().formatHex(hash);
            if (first == null) first = hex;
            pdq.append(hex).append(",100\n");
        }
        Files.writeString(list, pdq);
        vgtx("bank", "import", "series", list.toString(), "--format", "pdq", "--no-progress");
        vgtx("bank", "add", "series", Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata"))
                .resolve("pdq/images/reg-test-input/dih/bridge-1-original.jpg").toString());
        vgtx("bank", "retract", "series", first, "--type", "PDQ");
        vgtx("admin", "token", "--org", "Op Police", "--role", "VIEWER");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough passphrase\n".getBytes(StandardCharsets.UTF_8)));
            vgtx("admin", "user", "--org", "Op Police", "--login", "alice", "--role", "ANALYST", "--password-stdin");
        } finally {
            System.setIn(stdin);
        }
        vgtx("admin", "user", "--login", "alice", "--disable");

        List<JsonNode> events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : vgtx("audit", "list", "--json", "--limit", "1000").out().strip().lines().toList()) events.add(json.readTree(line));
        assertThat(events).extracting(e -> e.get("action").asText()).containsExactly("node.init", "bank.create", "entries.import",
                "entries.add", "entry.retract", "token.issue", "user.create", "user.disable");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("role").asText()).isEqualTo("CLI");
            assertThat(e.get("user").asText()).isEqualTo(CLI_USER);
            assertThat(e.get("organisation").asText()).isEqualTo("Op Police");
        });
        JsonNode imported = events.get(2).get("details");
        assertThat(imported.get("added").asText()).isEqualTo("500");
        assertThat(imported.get("format").asText()).isEqualTo("pdq");
        assertThat(events.get(5).get("details").get("role").asText()).isEqualTo("VIEWER");

        assertThat(vgtx("audit", "verify").out()).startsWith("audit log intact: 8 events");
        assertThat(vgtx("audit", "list").out()).contains("CLI " + CLI_USER);
    }
}
