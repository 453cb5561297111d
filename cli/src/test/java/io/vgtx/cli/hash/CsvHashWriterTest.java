package io.vgtx.cli.hash;

import io.vgtx.hashing.content.HashOutcome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CsvHashWriterTest {
    @Test
    void aPathOrErrorThatASpreadsheetWouldTakeForAFormulaIsWrittenAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvHashWriter writer = new CsvHashWriter(out, false)) {
            writer.write(new HashOutcome.Failed("=cmd|' /C calc'!A0", 3, Optional.empty(), "-not an image"));
            writer.write(new HashOutcome.Failed("+1.jpg", 3, Optional.empty(), "@reason"));
            writer.write(new HashOutcome.Failed("plain.jpg", 3, Optional.empty(), "unreadable"));
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[1]).startsWith("'=cmd|' /C calc'!A0,3,").endsWith(",'-not an image");
        assertThat(lines[2]).startsWith("'+1.jpg,3,").endsWith(",'@reason");
        assertThat(lines[3]).startsWith("plain.jpg,3,").endsWith(",unreadable");
    }
}
