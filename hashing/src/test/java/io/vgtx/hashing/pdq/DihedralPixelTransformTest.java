package io.vgtx.hashing.pdq;

import io.vgtx.hashing.image.DecodedImage;
import io.vgtx.hashing.image.ImageDecoders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dihedral hash derived from the DCT approximates the hash of the actually transformed pixels; on the
 * bridge photo at full resolution the reference measures 0–8 bits (PDQ.md §1.10).
 */
class DihedralPixelTransformTest {
    private static final int MAX_BITS = 10;

    @ParameterizedTest
    @EnumSource(Dihedral.class)
    void hashOfTransformedPixelsIsCloseToTheDerivedVariant(Dihedral variant) throws Exception {
        PdqHasher hasher = new PdqHasher();
        DecodedImage original = PdqHasherReferenceTest.decode(ReferenceData.row("images/bridge-mods/aaa-orig.jpg"), ImageDecoders.detect());
        PdqHash derived = hasher.hashWithDihedral(original).dihedral().get(variant);
        PdqHash actual = hasher.hash(transform(original, variant)).hash();
        assertThat(actual.distance(derived)).isLessThanOrEqualTo(MAX_BITS);
    }

    /** The geometric meaning of each variant, applied to pixels. */
    static DecodedImage transform(DecodedImage image, Dihedral variant) {
        int w = image.width();
        int h = image.height();
        boolean swap = switch (variant) {
            case ROT90, ROT270, FLIPP, FLIPM -> true;
            default -> false;
        };
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int c = image.channels();
        byte[] out = new byte[image.pixels().length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int[] src = switch (variant) {
                    case ORIG -> new int[]{x, y};
                    case ROT90 -> new int[]{w - 1 - y, x};
                    case ROT180 -> new int[]{w - 1 - x, h - 1 - y};
                    case ROT270 -> new int[]{y, h - 1 - x};
                    case FLIPX -> new int[]{x, h - 1 - y};
                    case FLIPY -> new int[]{w - 1 - x, y};
                    case FLIPP -> new int[]{y, x};
                    case FLIPM -> new int[]{w - 1 - y, h - 1 - x};
                };
                System.arraycopy(image.pixels(), (src[1] * w + src[0]) * c, out, (y * outW + x) * c, c);
            }
        }
        return new DecodedImage(outW, outH, c, out);
    }
}
