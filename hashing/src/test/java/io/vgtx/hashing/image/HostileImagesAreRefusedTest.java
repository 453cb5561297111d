package io.vgtx.hashing.image;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile or broken input is refused with a short reason, from the header when it claims too many pixels, and
 * never crashes the JVM or throws anything but {@link ImageDecodeException}.
 */
@Timeout(120)
class HostileImagesAreRefusedTest {
    /** Far below what decoding any of the bombs would allocate (0.8 GB to 30 GB). */
    private static final long HEADER_ONLY_ALLOCATION = 16L << 20;

    static List<ImageDecoders> decoders() {
        return List.of(ImageDecoders.detect(), ImageDecoders.imageIoOnly());
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void pngClaiming100000x100000IsRefusedFromItsHeader(ImageDecoders decoders) {
        assertRefusedFromHeader(decoders, pngClaiming(100_000, 100_000), DecodeOptions.canonical(),
                "image is 100000x100000 pixels, over the limit of 100000000 (--max-pixels)");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void jpegClaiming65000x65000IsRefusedFromItsHeader(ImageDecoders decoders) {
        assertRefusedFromHeader(decoders, jpegClaiming(65_000, 65_000), DecodeOptions.canonical(),
                "image is 65000x65000 pixels, over the limit of 100000000 (--max-pixels)");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void webpClaiming16383x16383IsRefusedFromItsHeader(ImageDecoders decoders) {
        assertRefusedFromHeader(decoders, webpClaiming(16_383, 16_383), DecodeOptions.canonical().withMaxPixels(1_000_000),
                "image is 16383x16383 pixels, over the limit of 1000000 (--max-pixels)");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void anImageTooBigForOneArrayIsRefusedEvenWithoutALimit(ImageDecoders decoders) {
        assertRefusedFromHeader(decoders, jpegClaiming(65_000, 65_000), DecodeOptions.canonical().withMaxPixels(Long.MAX_VALUE),
                "image is 65000x65000 pixels, too large to decode in memory");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void emptyInputIsAnEmptyFile(ImageDecoders decoders) {
        assertThatThrownBy(() -> decoders.decode(new byte[0], DecodeOptions.canonical())).hasMessage("empty file");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void theFirstHalfOfAnImageIsTruncatedData(ImageDecoders decoders) {
        assertThatThrownBy(() -> decoders.decode(firstHalf(TestImages.BRIDGE), DecodeOptions.canonical()))
                .hasMessage("truncated JPEG data");
        assertThatThrownBy(() -> decoders.decode(firstHalf(TestImages.GREY_PNG), DecodeOptions.canonical()))
                .hasMessage("truncated PNG data");
        assertThatThrownBy(() -> decoders.decode(firstHalf(TestImages.WEBP), DecodeOptions.canonical()))
                .hasMessage("truncated WebP data");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void aTextFileNamedJpgIsNotAnImage(ImageDecoders decoders, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("holiday.jpg"), "not a picture\n");
        assertThatThrownBy(() -> decoders.decode(Files.readAllBytes(file), DecodeOptions.canonical()))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessage("unsupported or unrecognised image format");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void aPngNamedJpgDecodesAsThePngItIs(ImageDecoders decoders, @TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("photo.jpg"), TestImages.bytes(TestImages.RGBA_PNG));
        DecodedImage image = decoders.decode(Files.readAllBytes(file), DecodeOptions.canonical());
        assertThat(image.width()).isEqualTo(400);
        assertThat(image.height()).isEqualTo(251);
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void randomBytesAreNotAnImage(ImageDecoders decoders) {
        SplittableRandom random = new SplittableRandom(20261128);
        for (int i = 0; i < 50; i++) {
            byte[] noise = new byte[1 + random.nextInt(4096)];
            random.nextBytes(noise);
            noise[0] = 0; // no format starts with a zero byte
            assertThatThrownBy(() -> decoders.decode(noise, DecodeOptions.canonical()))
                    .hasMessage("unsupported or unrecognised image format");
        }
    }

    /** Each format's signature followed by noise: the decoder behind the signature must refuse it cleanly. */
    @ParameterizedTest
    @MethodSource("decoders")
    void aSignatureFollowedByNoiseIsRefusedCleanly(ImageDecoders decoders) {
        List<byte[]> signatures = List.of(bytes(0xff, 0xd8, 0xff), bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'),
                ascii("GIF89a"), ascii("BM"), bytes('I', 'I', 42, 0), bytes('M', 'M', 0, 42), ascii("RIFF\0\0\0\0WEBP"),
                ascii("RIFF\0\u0010\0\0WEBPVP8 "), ascii("RIFF\0\u0010\0\0WEBPVP8L"), ascii("RIFF\0\u0010\0\0WEBPVP8X"));
        SplittableRandom random = new SplittableRandom(7);
        for (byte[] signature : signatures) {
            for (int i = 0; i < 20; i++) {
                byte[] file = Arrays.copyOf(signature, signature.length + random.nextInt(2048));
                for (int j = signature.length; j < file.length; j++) file[j] = (byte) random.nextInt(256);
                decodeOrRefuse(decoders, file);
            }
        }
    }

    /** Real images with bytes overwritten or cut short at random: decoded anyway, or refused. */
    @ParameterizedTest
    @MethodSource("decoders")
    void damagedImagesAreDecodedOrRefusedCleanly(ImageDecoders decoders) {
        boolean pureJava = decoders == ImageDecoders.imageIoOnly();
        SplittableRandom random = new SplittableRandom(42);
        for (String file : List.of(TestImages.SMALL_JPEG, "generated/q2821-64x64.png", TestImages.RGBA_PNG,
                "images/misc-images/wee.jpg", TestImages.WEBP, TestImages.CMYK_JPEG)) {
            byte[] original = TestImages.bytes(file);
            int rounds = original.length > 100_000 ? (pureJava ? 4 : 15) : 60;
            for (int round = 0; round < rounds; round++) decodeOrRefuse(decoders, damage(original, random));
        }
    }

    private static byte[] damage(byte[] original, SplittableRandom random) {
        byte[] copy = random.nextBoolean() ? original.clone() : Arrays.copyOf(original, random.nextInt(1, original.length));
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            // Mostly in the first few hundred bytes, where the headers and tables are.
            int at = random.nextBoolean() ? random.nextInt(Math.min(copy.length, 400)) : random.nextInt(copy.length);
            copy[at] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static void decodeOrRefuse(ImageDecoders decoders, byte[] file) {
        try {
            DecodedImage image = decoders.decode(file, DecodeOptions.canonical());
            assertThat(image.pixels()).hasSize(image.width() * image.height() * image.channels());
        } catch (ImageDecodeException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    private static void assertRefusedFromHeader(ImageDecoders decoders, byte[] bomb, DecodeOptions options,
                                                String message) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> decoders.decode(bomb, options)).isInstanceOf(ImageDecodeException.class).hasMessage(message);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(HEADER_ONLY_ALLOCATION);
    }

    private static byte[] firstHalf(String file) {
        byte[] whole = TestImages.bytes(file);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** A valid PNG (CRCs correct) whose IHDR claims the given size, with one tiny compressed row of data. */
    static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'));
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
        chunk(png, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * 16]);
        deflater.finish();
        byte[] idat = new byte[256];
        chunk(png, "IDAT", Arrays.copyOf(idat, deflater.deflate(idat)));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A real JPEG with its frame header (SOF) rewritten to claim the given size. */
    static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = TestImages.bytes(TestImages.SMALL_JPEG);
        JpegSegments.Segment frame = JpegSegments.read(jpeg).stream()
                .filter(JpegSegments.Segment::isFrameHeader).findFirst().orElseThrow();
        ByteBuffer.wrap(jpeg, frame.start() + 1, 4).putShort((short) height).putShort((short) width);
        return jpeg;
    }

    /** A real lossy WebP with its VP8 key-frame header rewritten to claim the given size (at most 16383). */
    static byte[] webpClaiming(int width, int height) {
        byte[] webp = TestImages.bytes(TestImages.WEBP);
        assertThat(new String(webp, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8 ");
        int dimensions = 20 + 6; // in the chunk data, after the 3-byte frame tag and the 3-byte start code
        webp[dimensions] = (byte) width;
        webp[dimensions + 1] = (byte) (width >> 8);
        webp[dimensions + 2] = (byte) height;
        webp[dimensions + 3] = (byte) (height >> 8);
        return webp;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
