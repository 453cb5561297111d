package io.vgtx.hashing.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared PDQ test images and what ImageMagick and the reference hashers say about them. */
final class TestImages {
    private TestImages() {}

    /** One row of {@code expected/pdq.tsv}. */
    record Row(String file, int width, int height, String colorspace, String exifOrientation, String pdqHex,
               int quality) {
        byte[] bytes() {
            return TestImages.bytes(file);
        }

        boolean isWebp() {
            return file.endsWith(".webp");
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /** {@code vgtx.testdata}, as surefire sets it, else {@code shared/testdata} beside the repository. */
    static Path pdqRoot() {
        String configured = System.getProperty("vgtx.testdata");
        if (configured != null) return Path.of(configured, "pdq");
        return Stream.of(Path.of("..", "shared", "testdata"), Path.of("..", "..", "shared", "testdata"))
                .filter(Files::isDirectory).findFirst().orElseThrow().resolve("pdq");
    }

    static List<Row> rows() {
        try (Stream<String> lines = Files.lines(pdqRoot().resolve("expected/pdq.tsv"))) {
            return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                    .map(f -> new Row(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[4], f[5], f[6],
                            Integer.parseInt(f[7])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(pdqRoot().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String BRIDGE = "images/bridge-mods/aaa-orig.jpg";
    static final String BRIDGE_EXIF_6 = "generated/bridge-exif-orientation-6.jpg";
    static final String SMALL_JPEG = "images/bridge-mods/square-128x128.jpg";
    static final String CMYK_JPEG = "images/misc-images/modes/CMYK.jpg";
    static final String GREY_PNG = "images/misc-images/modes/L.png";
    static final String RGBA_PNG = "generated/half-transparent-rgba.png";
    static final String WEBP = "images/misc-images/modes/HSV.webp";
    static final String TINY_PNG = "generated/tiny-4x3.png";
}
