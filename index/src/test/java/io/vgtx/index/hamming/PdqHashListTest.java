package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real PDQ hashes: upstream's MIH lookup lists (testdata/pdq/hashlists, from facebook/ThreatExchange),
 * 1350 haystack hashes searched with 100 needles. The test data folder is the {@code vgtx.testdata}
 * system property, else {@code ../shared/testdata} beside the repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdqHashListTest {
    private List<Code256> haystack;
    private List<Code256> needles;
    private MultiIndexHammingIndex index;
    private BruteForceHammingIndex brute;

    @BeforeAll
    void load() throws IOException {
        Path lists = testData().resolve("pdq/hashlists");
        haystack = read(lists.resolve("haystack.txt"));
        needles = read(lists.resolve("needles.txt"));
        long[] ids = TestCodes.ids(haystack.size());
        long[] words = TestCodes.words(haystack);
        index = MultiIndexHammingIndex.bulkLoad(ids, words);
        brute = BruteForceHammingIndex.bulkLoad(ids, words);
    }

    @Test
    void listsHaveTheExpectedSizes() {
        assertThat(haystack).hasSize(1350);
        assertThat(needles).hasSize(100);
    }

    @ParameterizedTest(name = "radius {0}")
    @ValueSource(ints = {31, 0, 1, 8, 16, 24, 30})
    void everyNeedleFindsWhatBruteForceFinds(int radius) {
        for (Code256 needle : needles) {
            assertThat(index.search(needle, radius)).as("needle %s", needle).isEqualTo(brute.search(needle, radius));
        }
    }

    @Test
    void needlesDoFindHaystackHashesAtTheDefaultRadius() {
        long needlesWithHits = needles.stream().filter(needle -> !index.search(needle).isEmpty()).count();
        assertThat(needlesWithHits).isPositive();
    }

    @Test
    void everyHaystackHashFindsItselfAtRadiusZero() {
        for (int i = 0; i < haystack.size(); i++) {
            assertThat(index.search(haystack.get(i), 0)).extracting(Hit::id).contains((long) i);
        }
    }

    private static List<Code256> read(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).filter(line -> !line.isEmpty()).map(Code256::fromHex).toList();
        }
    }

    private static Path testData() {
        String configured = System.getProperty("vgtx.testdata");
        Path path = configured != null ? Path.of(configured) : Path.of("../shared/testdata");
        if (!Files.isDirectory(path)) path = Path.of("../../shared/testdata"); // run from inside the module
        assertThat(path.resolve("pdq/hashlists")).as("PDQ test data (set -Dvgtx.testdata)").isDirectory();
        return path;
    }
}
