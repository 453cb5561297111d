package io.vgtx.cli.files;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shared test data (benign images, reference hashes) that benchmarks use by default:
 * {@code $VGTX_TESTDATA}, else {@code shared/testdata} beside the checkout that built this jar, else
 * {@code ../shared/testdata} from the working directory.
 */
public final class TestData {
    private TestData() {}

    public static Path require(String relative) {
        List<Path> tried = new ArrayList<>();
        for (Path root : candidates()) {
            Path candidate = root.resolve(relative);
            if (Files.exists(candidate)) return candidate;
            tried.add(candidate);
        }
        throw new IllegalArgumentException("test data not found; set VGTX_TESTDATA or pass a folder (tried " + tried + ")");
    }

    private static List<Path> candidates() {
        List<Path> roots = new ArrayList<>();
        String env = System.getenv("VGTX_TESTDATA");
        if (env != null && !env.isBlank()) roots.add(Path.of(env));
        // The jar is <checkout>/cli/target/vgtx.jar; the shared folder sits beside <checkout>.
        jarLocation().map(jar -> jar.toAbsolutePath().getParent())
                .map(Path::getParent).map(Path::getParent)
                .filter(checkout -> checkout.getParent() != null)
                .ifPresent(checkout -> roots.add(checkout.resolveSibling("shared").resolve("testdata")));
        roots.add(Path.of("..", "shared", "testdata"));
        return roots;
    }

    private static Optional<Path> jarLocation() {
        try {
            return Optional.of(Path.of(TestData.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
