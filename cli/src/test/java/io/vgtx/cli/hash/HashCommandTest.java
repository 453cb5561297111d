package io.vgtx.cli.hash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HashCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PDQ = Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata")).resolve("pdq");

    private static List<JsonNode> jsonLines(CliRun run) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.outLines()) nodes.add(JSON.readTree(line));
        return nodes;
    }

    private static Map<String, String[]> expectedRows() throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(PDQ.resolve("expected/pdq.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            rows.put(PDQ.resolve(f[0]).toString(), f);
        }
        return rows;
    }

    @Test
    void jsonReproducesTheReferenceHashesForTheWholeTestCorpus() throws Exception {
        CliRun run = CliRun.of("hash", "--json", PDQ.resolve("images").toString(), PDQ.resolve("generated").toString());
        Map<String, String[]> expected = expectedRows();
        List<JsonNode> lines = jsonLines(run);
        assertThat(lines).hasSize(expected.size());
        for (JsonNode line : lines) {
            String[] row = expected.get(line.get("path").asText());
            assertThat(row).as(line.get("path").asText()).isNotNull();
            if (row[4].equals("CMYK") || line.has("error")) continue;
            assertThat(line.get("pdq").asText()).as(row[0]).isEqualTo(row[6]);
            assertThat(line.get("quality").asInt()).as(row[0]).isEqualTo(Integer.parseInt(row[7]));
            assertThat(line.get("width").asInt()).isEqualTo(Integer.parseInt(row[1]));
            assertThat(line.get("height").asInt()).isEqualTo(Integer.parseInt(row[2]));
            assertThat(line.get("md5").asText()).matches("[0-9a-f]{32}");
            assertThat(line.get("sha1").asText()).matches("[0-9a-f]{40}");
            assertThat(line.get("sha256").asText()).matches("[0-9a-f]{64}");
            assertThat(line.get("size").asLong()).isEqualTo(Files.size(Path.of(line.get("path").asText())));
        }
        // Only the 4×3 image fails: PDQ needs 5 pixels a side.
        assertThat(lines.stream().filter(l -> l.has("error")).map(l -> l.get("path").asText()))
                .containsExactly(PDQ.resolve("generated/tiny-4x3.png").toString());
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void outputOrderIsStableAndSortedWithinFolders() {
        String folder = PDQ.resolve("images/bridge-mods").toString();
        CliRun first = CliRun.of("hash", "--json", "--threads", "2", folder);
        CliRun second = CliRun.of("hash", "--json", "--threads", "1", folder);
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        List<String> paths = first.outLines().stream().map(l -> l.replaceAll(".*\"path\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(paths).isSorted().hasSize(12);
    }

    @Test
    void dihedralJsonHasAllEightVariantsKeyedByTransform() throws Exception {
        CliRun run = CliRun.of("hash", "--json", "--dihedral", PDQ.resolve("images/bridge-mods/aaa-orig.jpg").toString());
        JsonNode line = jsonLines(run).getFirst();
        List<String> keys = new ArrayList<>();
        line.get("pdq_dihedral").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("orig", "rot90", "rot180", "rot270", "flipx", "flipy", "flipp", "flipm");
        assertThat(line.get("pdq_dihedral").get("orig").asText()).isEqualTo(line.get("pdq").asText());
    }

    @Test
    void badInputGetsOneLineErrorsWhileTheOtherFilesAreHashed(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a-empty.jpg"), new byte[0]);
        Files.write(dir.resolve("b-truncated.jpg"), BadFiles.firstHalf(PDQ.resolve("images/bridge-mods/aaa-orig.jpg")));
        Files.write(dir.resolve("c-random.png"), BadFiles.randomBytes(5000, 1));
        Files.writeString(dir.resolve("d-text.jpg"), "hello, I am not a JPEG\n");
        Files.write(dir.resolve("e-bomb.png"), BadFiles.pngClaiming(100_000, 100_000));
        Files.copy(PDQ.resolve("images/misc-images/c.png"), dir.resolve("f-png-named.jpg"));
        Files.copy(PDQ.resolve("images/bridge-mods/aaa-orig.jpg"), dir.resolve("g-good.jpg"));
        Files.writeString(dir.resolve("h-unsupported.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");

        CliRun run = CliRun.of("hash", "--json", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> lines = jsonLines(run);
        assertThat(lines).hasSize(8);
        Map<String, JsonNode> byName = new HashMap<>();
        lines.forEach(l -> byName.put(Path.of(l.get("path").asText()).getFileName().toString(), l));
        for (String bad : List.of("a-empty.jpg", "b-truncated.jpg", "c-random.png", "d-text.jpg", "e-bomb.png", "h-unsupported.svg")) {
            assertThat(byName.get(bad).has("error")).as(bad).isTrue();
            assertThat(byName.get(bad).has("pdq")).as(bad).isFalse();
            assertThat(run.err()).as("stderr names " + bad).contains(dir.resolve(bad) + ": " + byName.get(bad).get("error").asText());
        }
        assertThat(byName.get("a-empty.jpg").get("error").asText()).isEqualTo("empty file");
        assertThat(byName.get("e-bomb.png").get("error").asText()).contains("100000x100000").contains("limit");
        assertThat(byName.get("f-png-named.jpg").get("pdq").asText()).isEqualTo("e64cc9d91c623882f8d1f1d9a398e78c9f199b3bd83924f2b7e11e0bf861b064");
        assertThat(byName.get("g-good.jpg").get("pdq").asText()).isEqualTo("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
        assertThat(run.errLines()).hasSize(6).allSatisfy(line -> assertThat(line).startsWith("vgtx: ").doesNotContain("Exception").doesNotContain("\tat "));
    }

    @Test
    void pixelLimitIsConfigurable() {
        CliRun run = CliRun.of("hash", "--json", "--max-pixels", "1000000", PDQ.resolve("images/bridge-mods/aaa-orig.jpg").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"error\"").contains("1600x1004");
    }

    @Test
    void missingPathIsReportedAndTheRestHashed() {
        CliRun run = CliRun.of("hash", "--json", "/no/such/file.jpg", PDQ.resolve("images/misc-images/wee.jpg").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.err()).contains("/no/such/file.jpg: no such file or directory");
    }

    @Test
    void csvHasAHeaderAndQuotesAwkwardPaths(@TempDir Path dir) throws Exception {
        Path awkward = dir.resolve("a, \"quoted\" name.jpg");
        Files.copy(PDQ.resolve("images/misc-images/wee.jpg"), awkward);
        CliRun run = CliRun.of("hash", "--csv", awkward.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().getFirst()).isEqualTo("path,size,md5,sha1,sha256,pdq,quality,width,height,error");
        assertThat(run.outLines().get(1)).startsWith("\"" + awkward.toString().replace("\"", "\"\"") + "\",")
                .contains("6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d,100,34,42,");
    }

    @Test
    void defaultTableIsReadableAndMarksLowQuality() {
        CliRun run = CliRun.of("hash", PDQ.resolve("images/reg-test-input/labelme-subset/q0003.jpg").toString(),
                PDQ.resolve("images/misc-images/wee.jpg").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().getFirst()).startsWith("PDQ").contains("QUALITY").contains("PATH");
        assertThat(run.outLines().get(1)).contains("3 low").contains("q0003.jpg");
        assertThat(run.outLines().get(2)).contains("6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d").contains("34x42");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CliRun.of("hash").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("hash", "--no-such-option", "x").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("hash", "--json", "--csv", "x").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("hash", "--max-pixels", "0", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void versionNamesTheActiveDecoders() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("vgtx").contains("JPEG").contains("WebP");
    }
}
