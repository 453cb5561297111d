package io.vgtx.hashing.pdq;

import io.vgtx.hashing.image.DecodeOptions;
import io.vgtx.hashing.image.DecodedImage;
import io.vgtx.hashing.image.ImageDecoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our PDQ against the reference implementations' outputs on every shared test image. */
class PdqHasherReferenceTest {
    /** The upstream README accepts this much decoder difference; CMYK→RGB conversions differ between decoders. */
    private static final int CMYK_TOLERANCE = 10;

    private final PdqHasher hasher = new PdqHasher();

    static List<ReferenceData.Row> hashableRows() {
        return ReferenceData.rows().stream().filter(r -> r.width() >= 5 && r.height() >= 5).toList();
    }

    static List<ReferenceData.Row> dihedralFiles() {
        return hashableRows().stream().filter(r -> !r.colorspace().equals("CMYK")).toList();
    }

    static DecodedImage decode(ReferenceData.Row row, ImageDecoders decoders) throws Exception {
        return decoders.decode(Files.readAllBytes(row.path()), DecodeOptions.canonical());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashableRows")
    void reproducesTheReferenceHashAndQuality(ReferenceData.Row row) throws Exception {
        PdqResult result = hasher.hash(decode(row, ImageDecoders.detect()));
        int distance = result.hash().distance(PdqHash.fromHex(row.pdqHex()));
        if (row.colorspace().equals("CMYK")) {
            assertThat(distance).as("bits from reference").isLessThanOrEqualTo(CMYK_TOLERANCE);
        } else {
            assertThat(result.hash().toHex()).isEqualTo(row.pdqHex());
            assertThat(result.quality()).isEqualTo(row.quality());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dihedralFiles")
    void derivesAllEightDihedralHashesFromOneDct(ReferenceData.Row row) throws Exception {
        PdqResult result = hasher.hashWithDihedral(decode(row, ImageDecoders.detect()));
        Map<String, String> expected = ReferenceData.dihedralOf(row.file());
        assertThat(expected).hasSize(8);
        for (Dihedral variant : Dihedral.values())
            assertThat(result.dihedral().get(variant).toHex()).as(variant.label()).isEqualTo(expected.get(variant.label()));
        assertThat(result.hash()).isEqualTo(result.dihedral().get(Dihedral.ORIG));
    }

    @Test
    void refusesImagesUnderFivePixelsInsteadOfReturningAZeroHash() throws Exception {
        DecodedImage tiny = ImageDecoders.detect().decode(Files.readAllBytes(ReferenceData.row("generated/tiny-4x3.png").path()), DecodeOptions.canonical());
        assertThatThrownBy(() -> hasher.hash(tiny)).isInstanceOf(UnhashableImageException.class).hasMessageContaining("too small to hash");
        assertThatThrownBy(() -> hasher.hash(new DecodedImage(4, 100, 1, new byte[400]))).isInstanceOf(UnhashableImageException.class);
        assertThatThrownBy(() -> hasher.hash(new DecodedImage(100, 4, 3, new byte[1200]))).isInstanceOf(UnhashableImageException.class);
    }

    @Test
    void fivePixelsOnASideIsEnough() throws Exception {
        assertThat(hasher.hash(new DecodedImage(5, 5, 1, new byte[25])).quality()).isZero();
    }

    @Test
    void flatImagesAreReportedAsLowQuality() throws Exception {
        PdqResult flat = hasher.hash(decode(ReferenceData.row("images/reg-test-input/labelme-subset/q0003.jpg"), ImageDecoders.detect()));
        assertThat(flat.quality()).isEqualTo(3);
        assertThat(flat.isLowQuality()).isTrue();
        PdqResult bridge = hasher.hash(decode(ReferenceData.row("images/bridge-mods/aaa-orig.jpg"), ImageDecoders.detect()));
        assertThat(bridge.isLowQuality()).isFalse();
    }

    @Test
    void reusedBuffersDoNotLeakBetweenImagesOfDifferentSizes() throws Exception {
        ReferenceData.Row large = ReferenceData.row("images/bridge-mods/aaa-orig.jpg");
        ReferenceData.Row small = ReferenceData.row("images/bridge-mods/square-128x128.jpg");
        for (ReferenceData.Row row : List.of(large, small, large, small))
            assertThat(hasher.hash(decode(row, ImageDecoders.detect())).hash().toHex()).isEqualTo(row.pdqHex());
    }
}
