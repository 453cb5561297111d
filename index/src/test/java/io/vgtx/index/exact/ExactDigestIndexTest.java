package io.vgtx.index.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExactDigestIndexTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void factoriesCoverMd5Sha1AndSha256() {
        assertThat(ExactDigestIndex.md5().digestLength()).isEqualTo(16);
        assertThat(ExactDigestIndex.sha1().digestLength()).isEqualTo(20);
        assertThat(ExactDigestIndex.sha256().digestLength()).isEqualTo(32);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16, 20, 32})
    void findsTheIdsOfADigestAndNothingForOthers(int length) {
        ExactDigestIndex index = new ExactDigestIndex(length);
        byte[] digest = digest(length, 1);
        index.add(digest, 42);

        assertThat(index.ids(digest)).containsExactly(42);
        assertThat(index.contains(digest)).isTrue();
        assertThat(index.ids(digest(length, 2))).isEmpty();
        assertThat(index.contains(digest(length, 2))).isFalse();
    }

    @Test
    void oneDigestMapsToManyIdsAscending() {
        ExactDigestIndex index = ExactDigestIndex.md5();
        byte[] digest = HEX.parseHex("d41d8cd98f00b204e9800998ecf8427e");
        for (long id : new long[] {30, 10, 20}) assertThat(index.add(digest, id)).isTrue();

        assertThat(index.ids(digest)).containsExactly(10, 20, 30);
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void addingTheSamePairTwiceChangesNothing() {
        ExactDigestIndex index = ExactDigestIndex.sha1();
        byte[] digest = digest(20, 3);
        assertThat(index.add(digest, 1)).isTrue();
        assertThat(index.add(digest.clone(), 1)).isFalse();

        assertThat(index.ids(digest)).containsExactly(1);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void removingOneIdKeepsTheOthers() {
        ExactDigestIndex index = ExactDigestIndex.sha256();
        byte[] digest = digest(32, 4);
        index.add(digest, 1);
        index.add(digest, 2);

        assertThat(index.remove(digest, 1)).isTrue();
        assertThat(index.remove(digest, 1)).isFalse();
        assertThat(index.remove(digest(32, 5), 2)).isFalse();
        assertThat(index.ids(digest)).containsExactly(2);
        assertThat(index.remove(digest, 2)).isTrue();
        assertThat(index.contains(digest)).isFalse();
        assertThat(index.size()).isZero();
    }

    /** Digests that differ only in their last byte (the zero-padded tail word for SHA-1) stay apart. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16, 20, 32})
    void digestsDifferingOnlyInTheLastByteAreDistinct(int length) {
        ExactDigestIndex index = new ExactDigestIndex(length);
        for (int last = 0; last < 256; last++) {
            byte[] digest = new byte[length];
            digest[length - 1] = (byte) last;
            index.add(digest, last);
        }
        for (int last = 0; last < 256; last++) {
            byte[] digest = new byte[length];
            digest[length - 1] = (byte) last;
            assertThat(index.ids(digest)).containsExactly(last);
        }
    }

    @ParameterizedTest(name = "{0}-byte index, {1}-byte digest")
    @CsvSource({"16,20", "20,16", "32,31", "32,0"})
    void rejectsDigestsOfTheWrongLength(int indexLength, int digestLength) {
        ExactDigestIndex index = new ExactDigestIndex(indexLength);
        byte[] digest = new byte[digestLength];
        assertThatThrownBy(() -> index.add(digest, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.ids(digest)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.remove(digest, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random adds and removes over a small digest universe (so digests collect several ids and probe runs
     * grow and shrink), checked against a sorted reference multimap.
     */
    @ParameterizedTest(name = "{0} bytes, seed {1}")
    @CsvSource({"16,1", "20,2", "32,3", "32,4"})
    void randomOperationsMatchAReferenceMultimap(int length, long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        ExactDigestIndex index = new ExactDigestIndex(length);
        Map<String, TreeSet<Long>> reference = new TreeMap<>();
        List<byte[]> universe = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) universe.add(digest(length, random.nextLong()));
        for (int op = 0; op < 40_000; op++) {
            byte[] digest = universe.get(random.nextInt(universe.size()));
            long id = random.nextInt(8);
            TreeSet<Long> ids = reference.computeIfAbsent(HEX.formatHex(digest), d -> new TreeSet<>());
            if (random.nextInt(3) == 0) {
                assertThat(index.remove(digest, id)).isEqualTo(ids.remove(id));
            } else {
                assertThat(index.add(digest, id)).isEqualTo(ids.add(id));
            }
        }
        int pairs = 0;
        for (byte[] digest : universe) {
            TreeSet<Long> ids = reference.get(HEX.formatHex(digest));
            long[] expected = ids == null ? new long[0] : ids.stream().mapToLong(Long::longValue).toArray();
            assertThat(index.ids(digest)).containsExactly(expected);
            assertThat(index.contains(digest)).isEqualTo(expected.length > 0);
        }
        for (TreeSet<Long> ids : reference.values()) pairs += ids.size();
        assertThat(index.size()).isEqualTo(pairs);
    }

    @Test
    void memoryIsCompact() {
        ExactDigestIndex index = ExactDigestIndex.sha256();
        for (int i = 0; i < 100_000; i++) index.add(digest(32, i), i);
        // 32 bytes of digest + 8 of id per pair, plus the growth slack of the arrays and the cells.
        assertThat((double) index.memoryBytes() / index.size()).isLessThan(100);
    }

    /** A deterministic pseudo-random digest. */
    private static byte[] digest(int length, long seed) {
        byte[] digest = new byte[length];
        RandomGeneratorFactory.of("L64X128MixRandom").create(seed).nextBytes(digest);
        return digest;
    }
}
