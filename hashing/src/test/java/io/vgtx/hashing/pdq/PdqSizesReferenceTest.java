package io.vgtx.hashing.pdq;

import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.image.DecodeOptions;
import io.vgtx.hashing.image.DecodedImage;
import io.vgtx.hashing.image.ImageDecoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code testdata/pdq/sizes/}: 114 PNGs of every pairing of widths 5–250 and heights 5–130 around the sizes where
 * blur windows, decimation and special cases meet, against the reference C++ core's hash and quality. Every path
 * that decodes PNG must give the reference's bits: both decoder sets, and {@code vgtx hash}'s content hasher with
 * and without {@code --fast}. Sides of 8 and 16 pixels were 2–27 bits off before issue 13.
 */
class PdqSizesReferenceTest {
    private final PdqHasher hasher = new PdqHasher();

    static List<ReferenceData.SizeRow> sizes() {
        return ReferenceData.sizeRows();
    }

    @Test
    void theSetHoldsEveryPairingOfItsWidthsAndHeights() {
        assertThat(sizes()).hasSize(114);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void detectedDecodersGiveTheReferenceHashAndQuality(ReferenceData.SizeRow row) throws Exception {
        assertReference(row, hasher.hash(decode(row, ImageDecoders.detect())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void imageIoAloneGivesTheReferenceHashAndQuality(ReferenceData.SizeRow row) throws Exception {
        assertReference(row, hasher.hash(decode(row, ImageDecoders.imageIoOnly())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void vgtxHashGivesTheReferenceHashAndQualityWithAndWithoutFast(ReferenceData.SizeRow row) {
        for (HashOptions options : List.of(HashOptions.canonical(), HashOptions.canonical().withFast(true))) {
            HashOutcome outcome = new ContentHasher(ImageDecoders.detect(), options).hashFile(row.path(), row.file());
            assertThat(outcome).as("fast=" + options.fast()).isInstanceOfSatisfying(HashOutcome.Hashed.class,
                    hashed -> assertReference(row, hashed.pdq()));
        }
    }

    /** The oracle is only worth something if it is the reference: it must give these bits too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void theOracleGivesTheReferenceHashAndQuality(ReferenceData.SizeRow row) throws Exception {
        PdqOracle.Spectrum spectrum = PdqOracle.spectrum(decode(row, ImageDecoders.imageIoOnly()));
        assertReference(row, new PdqResult(spectrum.hash(), spectrum.quality()));
    }

    private static DecodedImage decode(ReferenceData.SizeRow row, ImageDecoders decoders) throws Exception {
        return decoders.decode(Files.readAllBytes(row.path()), DecodeOptions.canonical());
    }

    private static void assertReference(ReferenceData.SizeRow row, PdqResult result) {
        assertThat(result.hash().distance(PdqHash.fromHex(row.pdqHex()))).as("bits from the reference").isZero();
        assertThat(result.quality()).as("quality").isEqualTo(row.quality());
    }
}
