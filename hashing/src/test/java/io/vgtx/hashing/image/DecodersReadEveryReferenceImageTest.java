package io.vgtx.hashing.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reference image decodes to ImageMagick's size, with the native decoders and without them. */
class DecodersReadEveryReferenceImageTest {
    static List<TestImages.Row> rows() {
        return TestImages.rows();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void detectedDecodersGiveTheReferenceSize(TestImages.Row row) throws ImageDecodeException {
        assertReferenceSize(ImageDecoders.detect().decode(row.bytes(), DecodeOptions.canonical()), row);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void imageIoAloneGivesTheReferenceSize(TestImages.Row row) throws ImageDecodeException {
        assertReferenceSize(ImageDecoders.imageIoOnly().decode(row.bytes(), DecodeOptions.canonical()), row);
    }

    private static void assertReferenceSize(DecodedImage image, TestImages.Row row) {
        assertThat(image.width()).isEqualTo(row.width());
        assertThat(image.height()).isEqualTo(row.height());
        // ImageMagick's "Gray" colorspace is a grey file (L, LA, 1-bit); the rest come out as RGB.
        assertThat(image.channels()).isEqualTo(row.colorspace().equals("Gray") ? 1 : 3);
    }

    @Test
    void greyPngsDecodeToOneChannelWithTheStoredSamples() throws ImageDecodeException {
        for (String file : List.of("images/misc-images/modes/L.png", "images/misc-images/modes/LA.png",
                "images/misc-images/modes/1.png")) {
            DecodedImage image = ImageDecoders.detect().decode(TestImages.bytes(file), DecodeOptions.canonical());
            assertThat(image.isGrey()).as(file).isTrue();
        }
        DecodedImage bilevel = ImageDecoders.detect()
                .decode(TestImages.bytes("images/misc-images/modes/1.png"), DecodeOptions.canonical());
        assertThat(bilevel.pixels()).containsOnly((byte) 0, (byte) 255);
    }

    @Test
    void cmykJpegDecodesThroughTheImageIoFallback() throws ImageDecodeException {
        byte[] cmyk = TestImages.bytes(TestImages.CMYK_JPEG);
        DecodedImage detected = ImageDecoders.detect().decode(cmyk, DecodeOptions.canonical());
        DecodedImage imageIo = ImageDecoders.imageIoOnly().decode(cmyk, DecodeOptions.canonical());
        assertThat(detected.channels()).isEqualTo(3);
        assertThat(detected.pixels()).isEqualTo(imageIo.pixels());
    }

    @Test
    void alphaIsDroppedAndTheColourUnderItKept() throws ImageDecodeException {
        // The left half of this file has alpha 0; ImageMagick reports pixel (50, 100) as srgba(87,76,68,0).
        for (ImageDecoders decoders : List.of(ImageDecoders.detect(), ImageDecoders.imageIoOnly())) {
            DecodedImage image = decoders.decode(TestImages.bytes(TestImages.RGBA_PNG), DecodeOptions.canonical());
            int pixel = (100 * image.width() + 50) * 3;
            assertThat(image.channels()).isEqualTo(3);
            assertThat(new int[]{image.pixels()[pixel] & 0xff, image.pixels()[pixel + 1] & 0xff,
                    image.pixels()[pixel + 2] & 0xff}).containsExactly(87, 76, 68);
        }
    }
}
