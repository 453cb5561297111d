package io.vgtx.hashing.digest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestCalculatorTest {
    @Test
    void matchesThePublishedTestVectorsForAbc() {
        Digests digests = DigestCalculator.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(digests.md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(digests.sha1()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(digests.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void chunkingDoesNotChangeTheDigests() {
        byte[] data = new byte[100_000];
        new SplittableRandom(3).nextBytes(data);
        DigestCalculator chunked = new DigestCalculator();
        for (int offset = 0; offset < data.length; offset += 777) chunked.update(data, offset, Math.min(777, data.length - offset));
        assertThat(chunked.finish()).isEqualTo(DigestCalculator.of(data));
    }

    @Test
    void finishResetsForTheNextInput() {
        DigestCalculator calculator = new DigestCalculator();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        calculator.update(abc, 0, 3);
        calculator.finish();
        calculator.update(abc, 0, 3);
        assertThat(calculator.finish()).isEqualTo(DigestCalculator.of(abc));
    }

    @Test
    void digestsRefuseValuesOfTheWrongShape() {
        assertThatThrownBy(() -> new Digests("ABC", "a9993e364706816aba3e25717850c26c9cd0d89d", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
                .hasMessageContaining("MD5");
    }
}
