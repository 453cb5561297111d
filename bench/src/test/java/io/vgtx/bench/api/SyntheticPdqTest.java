package io.vgtx.bench.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticPdqTest {
    private final SyntheticPdq hashes = new SyntheticPdq(7);

    @Test
    void hashesAreAPureFunctionOfSeedAndIndexAndDoNotOverlap() {
        Set<String> words = new HashSet<>();
        for (long i = 0; i < 1000; i++) {
            assertThat(hashes.hex(i)).isEqualTo(new SyntheticPdq(7).hex(i)).hasSize(64);
            for (int w = 0; w < 4; w++) assertThat(words.add(hashes.hex(i).substring(16 * w, 16 * w + 16))).isTrue();
        }
        assertThat(new SyntheticPdq(8).hex(0)).isNotEqualTo(hashes.hex(0));
    }

    @Test
    void aNearDuplicateIsExactlyTheAskedDistanceAway() {
        SplittableRandom random = new SplittableRandom(1);
        for (int flips = 0; flips <= 31; flips++) {
            String near = hashes.nearDuplicate(flips, flips, random);
            assertThat(new BigInteger(near, 16).xor(new BigInteger(hashes.hex(flips), 16)).bitCount()).isEqualTo(flips);
        }
    }

    @Test
    void writtenHashesAreTheIndexedOnesOnePerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hashes.txt");
        MatchLoad.writeHashes(file, 50, 7);
        assertThat(Files.readAllLines(file)).isEqualTo(LongStream.range(0, 50).mapToObj(hashes::hex).toList());
    }

    @Test
    void answersWithVisibleMatchesAreCounted() {
        String body = "{\"results\":[{\"matches\":[{\"entry\":1}],\"hits\":[]},{\"matches\":[],\"hits\":[{\"organisation\":\"X\"}]},"
                + "{\"matches\":[{\"entry\":2},{\"entry\":3}],\"hits\":[]}]}";
        assertThat(MatchLoad.answeredQueries(body)).isEqualTo(2);
        assertThat(List.of(MatchLoad.answeredQueries("{\"results\":[]}"))).containsExactly(0L);
    }
}
