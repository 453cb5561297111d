package io.vgtx.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {
    private static final Path IMAGES = Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata")).resolve("pdq/images");
    private static final List<String> ORIGINALS = List.of("bridge-mods/aaa-orig.jpg", "reg-test-input/pen-and-coaster.png", "misc-images/c.png");
    private static final List<String> UNRELATED = List.of("reg-test-input/labelme-subset/q0122.jpg",
            "reg-test-input/labelme-subset/q0291.jpg", "reg-test-input/labelme-subset/q1050.jpg", "misc-images/wee.jpg");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private String dataDir;

    @BeforeEach
    void bankOfOriginals() {
        dataDir = work.resolve("data").toString();
        assertThat(CliRun.of("bank", "create", "known", "--category", "A", "--data-dir", dataDir).exitCode()).isZero();
        List<String> add = new ArrayList<>(List.of("bank", "add", "known", "--data-dir", dataDir));
        ORIGINALS.forEach(o -> add.add(IMAGES.resolve(o).toString()));
        CliRun added = CliRun.of(add.toArray(String[]::new));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("12 added");
    }

    /** Resized, recompressed, mirrored and rotated copies of every original, keyed by file name → original's label. */
    private Map<String, String> writeVariants(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String original : ORIGINALS) {
            BufferedImage image = Variants.read(IMAGES.resolve(original));
            String base = Path.of(original).getFileName().toString().replaceAll("\\..*", "");
            String label = Path.of(original).getFileName().toString();
            Map<String, byte[]> variants = Map.of(
                    base + "-half.png", Variants.png(Variants.resized(image, 0.5)),
                    base + "-q40.jpg", Variants.jpeg(image, 0.4f),
                    base + "-mirror.jpg", Variants.jpeg(Variants.mirrored(image), 0.9f),
                    base + "-rot90.jpg", Variants.jpeg(Variants.rotated(image), 0.9f));
            for (Map.Entry<String, byte[]> v : variants.entrySet()) {
                Files.write(folder.resolve(v.getKey()), v.getValue());
                expected.put(v.getKey(), label);
            }
        }
        return expected;
    }

    private static List<JsonNode> lines(CliRun run) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.outLines()) nodes.add(JSON.readTree(line));
        return nodes;
    }

    @Test
    void findsEveryEditedCopyOfAKnownImageAndNothingUnrelated() throws Exception {
        Path folder = work.resolve("seized");
        Map<String, String> expected = writeVariants(folder);
        for (String unrelated : UNRELATED) Files.copy(IMAGES.resolve(unrelated), folder.resolve(Path.of(unrelated).getFileName()));

        CliRun run = CliRun.of("scan", "--json", "--data-dir", dataDir, folder.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (JsonNode line : lines(run)) {
            String file = Path.of(line.get("path").asText()).getFileName().toString();
            found.computeIfAbsent(file, f -> new TreeSet<>()).add(line.get("label").asText());
            assertThat(line.get("bank").asText()).isEqualTo("known");
            assertThat(line.get("category").asText()).isEqualTo("A");
            assertThat(line.get("type").asText()).isEqualTo("PDQ");
            assertThat(line.get("distance").asInt()).isBetween(0, 31);
        }
        expected.forEach((file, label) -> assertThat(found.get(file)).as(file).containsExactly(label));
        UNRELATED.forEach(u -> assertThat(found).doesNotContainKey(Path.of(u).getFileName().toString()));
        assertThat(run.err()).contains("scanned " + (expected.size() + UNRELATED.size()) + " files");
    }

    @Test
    void mirroredAndRotatedCopiesNameTheTransformThatMatched() throws Exception {
        Path folder = work.resolve("seized");
        writeVariants(folder);
        CliRun run = CliRun.of("scan", "--json", "--data-dir", dataDir, folder.resolve("aaa-orig-mirror.jpg").toString(), folder.resolve("aaa-orig-rot90.jpg").toString());
        List<JsonNode> lines = lines(run);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("transform").asText()).isEqualTo("flipy");
        // The copy was turned clockwise; turning it back counter-clockwise (rot90) gives the known image.
        assertThat(lines.get(1).get("transform").asText()).isEqualTo("rot90");
    }

    @Test
    void archivesAreScannedInMemoryIncludingNestedOnes() throws Exception {
        Path folder = work.resolve("variants");
        Map<String, String> expected = writeVariants(folder);
        Path inner = work.resolve("inner.zip");
        zip(inner, Map.of("deep/aaa-orig-q40.jpg", Files.readAllBytes(folder.resolve("aaa-orig-q40.jpg"))));
        Path outer = work.resolve("upload.zip");
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("photos/c-half.png", Files.readAllBytes(folder.resolve("c-half.png")));
        members.put("photos/unrelated.jpg", Files.readAllBytes(IMAGES.resolve(UNRELATED.getFirst())));
        members.put("nested/inner.zip", Files.readAllBytes(inner));
        zip(outer, members);
        long filesBefore = countFiles(work);

        CliRun run = CliRun.of("scan", "--json", "--data-dir", dataDir, outer.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines(run).stream().map(l -> l.get("path").asText()))
                .containsExactly(outer + "!/photos/c-half.png", outer + "!/nested/inner.zip!/deep/aaa-orig-q40.jpg");
        assertThat(countFiles(work)).as("nothing extracted to disk").isEqualTo(filesBefore);
        assertThat(expected).isNotEmpty();
    }

    @Test
    void corruptArchivesAndFilesAreReportedAndTheScanGoesOn() throws Exception {
        Path folder = work.resolve("mixed");
        Files.createDirectories(folder);
        Path good = work.resolve("good.zip");
        zip(good, Map.of("a.png", Files.readAllBytes(IMAGES.resolve("misc-images/c.png"))));
        byte[] zipBytes = Files.readAllBytes(good);
        Files.write(folder.resolve("a-truncated.zip"), Arrays.copyOf(zipBytes, zipBytes.length / 3));
        Files.write(folder.resolve("b-broken.jpg"), Arrays.copyOf(Files.readAllBytes(IMAGES.resolve("bridge-mods/aaa-orig.jpg")), 1000));
        Files.copy(IMAGES.resolve("bridge-mods/aaa-orig.jpg"), folder.resolve("c-known.jpg"));

        CliRun run = CliRun.of("scan", "--json", "--data-dir", dataDir, folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> lines = lines(run);
        assertThat(lines.stream().filter(l -> l.has("error")).map(l -> Path.of(l.get("path").asText().replaceAll("!/.*", "")).getFileName().toString()))
                .contains("a-truncated.zip", "b-broken.jpg");
        assertThat(lines.stream().filter(l -> l.has("entry_id")).map(l -> l.get("path").asText())).allMatch(p -> p.endsWith("c-known.jpg"));
        assertThat(lines.stream().filter(l -> l.has("entry_id"))).hasSize(4); // MD5, SHA-1, SHA-256 and PDQ
        assertThat(run.errLines()).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat"));
    }

    @Test
    void csvCellsThatASpreadsheetWouldTakeForAFormulaAreWrittenAsText() throws Exception {
        // A file named like a formula: its label in the bank is its name, and the scan's CSV carries the label.
        Path folder = Files.createDirectories(work.resolve("formula"));
        Path evil = folder.resolve("=HYPERLINK(x).png");
        Files.copy(IMAGES.resolve("misc-images/wee.jpg"), evil);
        assertThat(CliRun.of("bank", "create", "=sums", "--data-dir", dataDir).exitCode()).isZero();
        CliRun added = CliRun.of("bank", "add", "=sums", "--data-dir", dataDir, evil.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        Files.writeString(folder.resolve("@broken.jpg"), "not an image");

        CliRun run = CliRun.of("scan", "--csv", "--bank", "=sums", "--data-dir", dataDir, folder.toString());
        assertThat(run.outLines().getFirst()).isEqualTo("path,entry_id,bank,label,category,type,distance,transform,error");
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).contains(",'=sums,'=HYPERLINK(x).png,"));
        assertThat(run.outLines().stream().skip(1)).allSatisfy(line -> assertThat(line).doesNotContain(",=").doesNotContain(",@"));
    }

    @Test
    void exitCodesFollowVirusScanners() throws Exception {
        Path clean = work.resolve("clean");
        Files.createDirectories(clean);
        Files.copy(IMAGES.resolve(UNRELATED.getFirst()), clean.resolve("x.jpg"));
        assertThat(CliRun.of("scan", "--data-dir", dataDir, clean.toString()).exitCode()).isZero();
        Files.writeString(clean.resolve("broken.png"), "not a png");
        assertThat(CliRun.of("scan", "--data-dir", dataDir, clean.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan", "--data-dir", dataDir, "--threshold", "40", clean.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan", "--data-dir", dataDir, "--bank", "nope", clean.toString()).err()).contains("no bank named 'nope'");
    }

    @Test
    void flatImagesAreReportedAsTooLowInQualityForPdq() throws Exception {
        CliRun run = CliRun.of("scan", "--json", "--data-dir", dataDir, IMAGES.resolve("reg-test-input/labelme-subset/q0003.jpg").toString());
        assertThat(run.exitCode()).isZero();
        JsonNode line = lines(run).getFirst();
        assertThat(line.get("low_quality").asBoolean()).isTrue();
        assertThat(line.get("quality").asInt()).isEqualTo(3);
        assertThat(run.err()).contains("1 too flat for PDQ");
    }

    @Test
    void retractedEntriesStopMatching() throws Exception {
        Path known = IMAGES.resolve("misc-images/c.png");
        CliRun before = CliRun.of("scan", "--json", "--data-dir", dataDir, known.toString());
        String pdq = lines(before).stream().filter(l -> l.get("type").asText().equals("PDQ")).findFirst().orElseThrow().get("entry_id").asText();
        assertThat(pdq).isNotBlank();
        String md5 = CliRun.of("hash", "--json", known.toString()).out().replaceAll("(?s).*\"md5\":\"([0-9a-f]{32})\".*", "$1");
        String pdqHex = CliRun.of("hash", "--json", known.toString()).out().replaceAll("(?s).*\"pdq\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(CliRun.of("bank", "retract", "known", pdqHex, "--data-dir", dataDir).exitCode()).isZero();
        assertThat(CliRun.of("bank", "retract", "known", md5, "--data-dir", dataDir).exitCode()).isZero();
        List<String> types = lines(CliRun.of("scan", "--json", "--data-dir", dataDir, known.toString())).stream().map(l -> l.get("type").asText()).toList();
        assertThat(types).containsExactlyInAnyOrder("SHA1", "SHA256");
    }

    private static void zip(Path target, Map<String, byte[]> members) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey()));
                zip.write(member.getValue());
                zip.closeEntry();
            }
        }
    }

    /** Files under {@code root}, leaving out the node's data directory (its database and index snapshot). */
    private long countFiles(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(Path.of(dataDir))).count();
        }
    }
}
