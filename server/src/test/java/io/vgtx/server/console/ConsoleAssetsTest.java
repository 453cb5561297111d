package io.vgtx.server.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files keep to what its Content-Security-Policy and its promises need: everything from the node itself
 * (no CDN, no remote URL), no inline script or style the policy would block, and no HTML built from strings, so
 * nothing another organisation wrote can run as script.
 */
class ConsoleAssetsTest {
    private static final Pattern REMOTE = Pattern.compile("(src|href)\\s*=\\s*[\"'](https?:)?//|@import\\s+url\\(\\s*[\"']?(https?:)?//|import\\s+.*from\\s+[\"'](https?:)?//");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    private static List<Path> files() throws IOException, URISyntaxException {
        Path root = Path.of(ConsoleAssetsTest.class.getResource("/console/index.html").toURI()).getParent();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void everyFileComesFromTheNodeItself() throws Exception {
        List<Path> files = files();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("index.html", "login.html", "console.css", "app.js", "api.js", "lookup.js", "banks.js");
        for (Path file : files) {
            assertThat(REMOTE.matcher(Files.readString(file)).find()).as("%s loads nothing from elsewhere", file.getFileName()).isFalse();
        }
    }

    @Test
    void noInlineScriptsOrStylesAndNoHtmlFromStrings() throws Exception {
        for (Path file : files()) {
            String text = Files.readString(file);
            String name = file.getFileName().toString();
            if (name.endsWith(".html")) {
                assertThat(INLINE_SCRIPT.matcher(text).find()).as("%s has no inline script", name).isFalse();
                assertThat(text).as(name).doesNotContain(" style=").doesNotContain("<style").doesNotContainPattern(" on[a-z]+=");
            }
            if (name.endsWith(".js")) {
                assertThat(text).as(name).doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                        .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function");
            }
        }
    }
}
