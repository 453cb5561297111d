package io.vgtx.core.store;

import io.vgtx.core.signal.PdqSignal;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SeenHashesTest {
    @Test
    void neverForgetsAHashAndRarelyImaginesOne() {
        SeenHashes seen = new SeenHashes();
        IntStream.range(0, 1_000_000).forEach(n -> seen.add(key(n)));

        assertThat(IntStream.range(0, 1_000_000).allMatch(n -> seen.mightContain(key(n)))).isTrue();
        long imagined = IntStream.range(1_000_000, 1_100_000).filter(n -> seen.mightContain(key(n))).count();
        assertThat(imagined).isLessThan(1_000);
    }

    private static HashKey key(int n) {
        return new HashKey(PdqSignal.PDQ, TestEntries.pdqHash(n));
    }
}
