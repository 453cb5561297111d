package io.vgtx.hashing.pdq;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdqHashTest {
    private static final String BRIDGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234567})
    void hexRoundTripIsIdentity(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            PdqHash hash = new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            assertThat(PdqHash.fromHex(hash.toHex())).isEqualTo(hash);
            assertThat(hash.toHex()).hasSize(64).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void upperCaseHexIsAcceptedAndWrittenLowerCase() {
        assertThat(PdqHash.fromHex(BRIDGE.toUpperCase()).toHex()).isEqualTo(BRIDGE);
    }

    @Test
    void hexIsTheNumberWrittenMostSignificantDigitFirst() {
        PdqHash one = PdqHash.fromHex("0".repeat(63) + "1");
        assertThat(one.bit(0)).isTrue();
        assertThat(one.bitCount()).isEqualTo(1);
        PdqHash top = PdqHash.fromHex("8" + "0".repeat(63));
        assertThat(top.bit(255)).isTrue();
        assertThat(top.w3()).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b2",
            "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22aa",
            "g8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
            "+8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"})
    void malformedHexIsRejectedWithAReason(String hex) {
        assertThatThrownBy(() -> PdqHash.fromHex(hex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void distanceIsZeroToSelfSymmetricAndCountsFlippedBits() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            PdqHash a = new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            int flips = random.nextInt(257);
            PdqHash b = flip(a, random, flips);
            assertThat(a.distance(a)).isZero();
            assertThat(a.distance(b)).isEqualTo(b.distance(a)).isEqualTo(flips);
        }
    }

    /** Flips exactly {@code count} distinct bits. */
    static PdqHash flip(PdqHash hash, SplittableRandom random, int count) {
        long[] w = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        int[] bits = java.util.stream.IntStream.range(0, 256).toArray();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(256 - i);
            int chosen = bits[j];
            bits[j] = bits[i];
            bits[i] = chosen;
            w[chosen >>> 6] ^= 1L << (chosen & 63);
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }
}
