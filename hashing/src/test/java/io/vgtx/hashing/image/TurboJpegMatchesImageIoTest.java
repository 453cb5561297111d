package io.vgtx.hashing.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libjpeg-turbo (FFM) and ImageIO give the same pixels, byte for byte, so a hash never depends on which decoder
 * a machine has.
 */
@EnabledIf("io.vgtx.hashing.image.TurboJpegDecoder#available")
class TurboJpegMatchesImageIoTest {
    private final TurboJpegDecoder turbo = TurboJpegDecoder.instance().orElseThrow();
    private final ImageIoDecoder imageIo = new ImageIoDecoder();

    static List<String> colourJpegs() {
        return TestImages.rows().stream().map(TestImages.Row::file)
                .filter(f -> f.endsWith(".jpg") && !f.equals(TestImages.CMYK_JPEG)).toList();
    }

    @ParameterizedTest
    @MethodSource("colourJpegs")
    void referenceJpegsDecodeToIdenticalRgbBytes(String file) throws ImageDecodeException {
        assertSamePixels(TestImages.bytes(file));
    }

    @Test
    void anEmbeddedIccProfileIsNotApplied() throws ImageDecodeException {
        byte[] plain = TestImages.bytes(TestImages.SMALL_JPEG);
        byte[] tagged = withIccProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        assertThat(JpegSegments.withoutIccProfile(tagged)).isEqualTo(plain);
        assertSamePixels(tagged);
        assertThat(turbo.decode(tagged, DecodeOptions.canonical()).pixels())
                .isEqualTo(turbo.decode(plain, DecodeOptions.canonical()).pixels());
    }

    @Test
    void greyJpegDecodesToOneChannelAsLibjpegOutputsIt() throws Exception {
        byte[] grey = greyJpeg(97, 61);
        DecodedImage image = turbo.decode(grey, DecodeOptions.canonical());
        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.width()).isEqualTo(97);
        assertSamePixels(grey);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void scaledDecodeGivesTheDimensionsDividedAndRoundedUp(int scale) throws ImageDecodeException {
        byte[] photo = TestImages.bytes("images/reg-test-input/exif-rotn/exif-rotn-6.jpg"); // 4032x3024
        DecodeOptions scaled = DecodeOptions.canonical().withJpegScale(scale);
        for (ImageDecoder decoder : List.<ImageDecoder>of(turbo, imageIo)) {
            DecodedImage image = decoder.decode(photo, scaled);
            assertThat(image.width()).as(decoder.name()).isEqualTo(Math.ceilDiv(4032, scale));
            assertThat(image.height()).as(decoder.name()).isEqualTo(Math.ceilDiv(3024, scale));
        }
    }

    @Test
    void scalingStopsBeforeTheImageDropsUnderTheMinimumPixelsOrSide() throws ImageDecodeException {
        DecodeOptions upToEighth = DecodeOptions.canonical().withJpegScale(8);
        for (ImageDecoder decoder : List.<ImageDecoder>of(turbo, imageIo)) {
            DecodedImage bridge = decoder.decode(TestImages.bytes(TestImages.BRIDGE), upToEighth); // 1600x1004
            assertThat(bridge.width()).as(decoder.name()).isEqualTo(200); // 1/8: 200x125 keeps 25,000 px and a 125 px side
            DecodedImage small = decoder.decode(TestImages.bytes("images/bridge-mods/shrink-a-lot.jpg"), upToEighth);
            assertThat(small.width()).as(decoder.name()).isEqualTo(160);
        }
    }

    @Test
    void scaleAppliesToJpegOnly() throws ImageDecodeException {
        DecodedImage png = ImageDecoders.detect()
                .decode(TestImages.bytes(TestImages.GREY_PNG), DecodeOptions.canonical().withJpegScale(8));
        assertThat(png.width()).isEqualTo(1600);
    }

    @Test
    void concurrentDecodesGiveTheSamePixelsAsOne() throws Exception {
        byte[] jpeg = TestImages.bytes(TestImages.BRIDGE);
        byte[] webp = TestImages.bytes(TestImages.WEBP);
        byte[] expectedJpeg = ImageDecoders.detect().decode(jpeg, DecodeOptions.canonical()).pixels();
        byte[] expectedWebp = ImageDecoders.detect().decode(webp, DecodeOptions.canonical()).pixels();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Callable<Boolean>> tasks = IntStream.range(0, 48).<Callable<Boolean>>mapToObj(i -> () -> i % 2 == 0
                    ? Arrays.equals(expectedJpeg, ImageDecoders.detect().decode(jpeg, DecodeOptions.canonical()).pixels())
                    : Arrays.equals(expectedWebp, ImageDecoders.detect().decode(webp, DecodeOptions.canonical()).pixels()))
                    .toList();
            for (Future<Boolean> same : pool.invokeAll(tasks)) assertThat(same.get()).isTrue();
        }
    }

    private void assertSamePixels(byte[] jpeg) throws ImageDecodeException {
        DecodedImage fromTurbo = turbo.decode(jpeg, DecodeOptions.canonical());
        DecodedImage fromImageIo = imageIo.decode(jpeg, DecodeOptions.canonical());
        assertThat(fromImageIo.channels()).isEqualTo(fromTurbo.channels());
        assertThat(fromImageIo.width()).isEqualTo(fromTurbo.width());
        assertThat(fromImageIo.pixels()).isEqualTo(fromTurbo.pixels());
    }

    /** The JPEG with an APP2 ICC_PROFILE segment inserted right after SOI. */
    static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 12 + 2 + profile.length;
        out.write(0xff);
        out.write(JpegSegments.APP2);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        out.write(1); // chunk 1
        out.write(1); // of 1
        out.writeBytes(profile);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A one-component (greyscale) JPEG of a diagonal gradient with some texture. */
    static byte[] greyJpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) image.getRaster().setSample(x, y, 0, (x * 2 + y * 3 + (x * y) % 17) & 0xff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
