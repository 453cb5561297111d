package io.vgtx.hashing.pdq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shared PDQ test data: benign images and the reference implementations' outputs. */
public final class ReferenceData {
    private ReferenceData() {}

    /** One row of {@code expected/pdq.tsv}. */
    public record Row(String file, int width, int height, String format, String colorspace, String pdqHex, int quality,
                      String cli512Hex) {
        public Path path() {
            return pdqRoot().resolve(file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /** One row of {@code expected/pdq-dihedral.tsv}. */
    public record DihedralRow(String file, String xform, String pdqHex) {
        @Override
        public String toString() {
            return file + " " + xform;
        }
    }

    /** One row of {@code expected/pdq-sizes.tsv}: a generated image of one size and the reference core's output. */
    public record SizeRow(String file, String pdqHex, int quality) {
        public Path path() {
            return pdqRoot().resolve("sizes").resolve(file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    public static List<SizeRow> sizeRows() {
        return tsv("expected/pdq-sizes.tsv").stream().map(f -> new SizeRow(f[0], f[1], Integer.parseInt(f[2]))).toList();
    }

    public static Path pdqRoot() {
        String configured = System.getProperty("vgtx.testdata");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "testdata");
        return root.resolve("pdq");
    }

    public static List<Row> rows() {
        return tsv("expected/pdq.tsv").stream().map(f -> new Row(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                f[3], f[4], f[6], Integer.parseInt(f[7]), f[8])).toList();
    }

    public static Row row(String file) {
        return rows().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    public static List<DihedralRow> dihedralRows() {
        return tsv("expected/pdq-dihedral.tsv").stream().map(f -> new DihedralRow(f[0], f[1], f[2])).toList();
    }

    /** The expected dihedral hashes of one file, keyed by transform label. */
    public static Map<String, String> dihedralOf(String file) {
        Map<String, String> byLabel = new HashMap<>();
        dihedralRows().stream().filter(r -> r.file().equals(file)).forEach(r -> byLabel.put(r.xform(), r.pdqHex()));
        return byLabel;
    }

    private static List<String[]> tsv(String relative) {
        try {
            List<String> lines = Files.readAllLines(pdqRoot().resolve(relative));
            return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                    .map(f -> Arrays.copyOf(f, Math.max(f.length, 9))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
