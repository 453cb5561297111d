package io.vgtx.hashing.image;

import io.vgtx.hashing.pdq.PdqHash;
import io.vgtx.hashing.pdq.PdqHasher;
import io.vgtx.hashing.pdq.PdqResult;
import io.vgtx.hashing.pdq.UnhashableImageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The acceptance test for decoding: pixels decoded here, hashed by {@link PdqHasher}, give the reference PDQ
 * hashes of {@code expected/pdq.tsv} (ImageMagick decode, C++ hashing core) bit for bit.
 */
class DecodersReproduceReferencePdqTest {
    /** CMYK→RGB conversion is not standardised: ImageMagick and TwelveMonkeys may differ a little. */
    private static final int CMYK_TOLERANCE = 10;
    /** The upstream PDQ README's tolerance for a different decoder. */
    private static final int OTHER_DECODER_TOLERANCE = 10;

    static List<TestImages.Row> hashableRows() {
        return TestImages.rows().stream().filter(r -> !r.file().equals(TestImages.TINY_PNG)).toList();
    }

    @ParameterizedTest
    @MethodSource("hashableRows")
    void detectedDecodersReproduceTheReferenceHash(TestImages.Row row) throws Exception {
        PdqResult result = hash(ImageDecoders.detect(), row);
        int tolerance = row.file().equals(TestImages.CMYK_JPEG) ? CMYK_TOLERANCE : 0;
        assertThat(result.hash().distance(PdqHash.fromHex(row.pdqHex()))).isLessThanOrEqualTo(tolerance);
        assertThat(result.quality()).isEqualTo(row.quality());
    }

    /** ImageIO matches exactly, except for WebP: TwelveMonkeys' own VP8 decoder is 2–6 bits from libwebp here. */
    @ParameterizedTest
    @MethodSource("hashableRows")
    void imageIoAloneReproducesTheReferenceHash(TestImages.Row row) throws Exception {
        PdqResult result = hash(ImageDecoders.imageIoOnly(), row);
        int tolerance = row.isWebp() ? OTHER_DECODER_TOLERANCE
                : row.file().equals(TestImages.CMYK_JPEG) ? CMYK_TOLERANCE : 0;
        assertThat(result.hash().distance(PdqHash.fromHex(row.pdqHex()))).isLessThanOrEqualTo(tolerance);
        assertThat(result.quality()).isEqualTo(row.quality());
    }

    @Test
    void imagesUnderFivePixelsAreDecodedButNotHashed() throws ImageDecodeException {
        DecodedImage tiny = ImageDecoders.detect().decode(TestImages.bytes(TestImages.TINY_PNG), DecodeOptions.canonical());
        assertThat(tiny.width()).isEqualTo(4);
        assertThatThrownBy(() -> new PdqHasher().hash(tiny)).isInstanceOf(UnhashableImageException.class);
    }

    @Test
    void applyingExifOrientationGivesTheUprightOriginalsHash() throws Exception {
        DecodeOptions upright = DecodeOptions.canonical().withExifOrientation(true);
        DecodedImage turned = ImageDecoders.detect().decode(TestImages.bytes(TestImages.BRIDGE_EXIF_6), upright);
        PdqHash original = PdqHash.fromHex(TestImages.rows().stream()
                .filter(r -> r.file().equals(TestImages.BRIDGE)).findFirst().orElseThrow().pdqHex());
        assertThat(new PdqHasher().hash(turned).hash().distance(original)).isZero();
    }

    private static PdqResult hash(ImageDecoders decoders, TestImages.Row row) throws Exception {
        return new PdqHasher().hash(decoders.decode(row.bytes(), DecodeOptions.canonical()));
    }
}
