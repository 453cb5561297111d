package io.vgtx.formats;

import io.vgtx.formats.catalog.Formats;

import io.vgtx.core.bank.EntryData;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatsTest {
    @ParameterizedTest
    @EnumSource(Format.class)
    void closingAWriterFinishesTheDocumentButLeavesTheStreamOpen(Format format) throws Exception {
        TrackedOutput out = new TrackedOutput();

        writePdqAndMd5(format, out);

        assertThat(out.closed).isFalse();
        assertThat(Io.read(format, out.buffer.toString())).extracting(EntryData::value).isNotEmpty().isSubsetOf(Samples.PDQ, Samples.MD5);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void closingAReaderLeavesTheStreamOpen(Format format) throws Exception {
        TrackedInput in = new TrackedInput(Io.write(format, List.of()).getBytes());

        try (EntryReader reader = Formats.reader(format, in, ReadOptions.DEFAULT)) {
            assertThat(reader.next()).isEmpty();
        }

        assertThat(in.closed).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyFormatIsRecognisedFromTheStartOfItsOwnExport(Format format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePdqAndMd5(format, out);
        byte[] export = out.toByteArray();

        assertThat(Formats.detect(export)).contains(format);
        assertThat(Formats.detect(java.util.Arrays.copyOf(export, Math.min(export.length, 200)))).as("from its first bytes only").contains(format);
    }

    /** Every format carries one of these two. */
    private static void writePdqAndMd5(Format format, java.io.OutputStream out) throws IOException {
        try (EntryWriter writer = Formats.writer(format, out, Io.OPTIONS)) {
            writer.write(Io.entry(EntryData.of(PdqSignal.PDQ, Samples.PDQ)));
            writer.write(Io.entry(EntryData.of(DigestSignal.MD5, Samples.MD5)));
        }
    }

    /** Found by fuzzing: Jackson took leading zero bytes for UTF-32 and failed with an I/O error, not a format error. */
    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"VICS", "STIX", "JSONL"})
    void bytesThatLookLikeUtf16Or32AreMalformedUtf8TextNotAnIoError(Format format) {
        byte[] utf32 = "{\"value\":[]}".getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
        assertThatThrownBy(() -> Io.readAll(format, new ByteArrayInputStream(utf32), ReadOptions.DEFAULT))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("line 1");
    }

    @Test
    void filesThatShowNoFormatAreNotGuessed() {
        assertThat(Formats.detect(new byte[0])).isEmpty();
        assertThat(Formats.detect("hello world\n".getBytes())).isEmpty();
        assertThat(Formats.detect("{\n  \"some\": \"document\"\n}".getBytes())).isEmpty();
        assertThat(Formats.detect("# comments only\n".getBytes())).contains(Format.PDQ);
        assertThat(Formats.detect("\uFEFF\"Value\",\"Type\"\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).contains(Format.CSV);
    }

    @Test
    void formatNamesParseIgnoringCaseAndUnknownOnesAreExplained() {
        assertThat(Format.parse(" vics ")).isEqualTo(Format.VICS);
        assertThatThrownBy(() -> Format.parse("xml")).hasMessageContaining("unknown format 'xml'");
    }

    @Test
    void writeOptionsNeedAProducerAndKeepMilliseconds() {
        assertThat(new WriteOptions("X", Instant.parse("2026-01-01T00:00:00.123456Z")).now())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
        assertThatThrownBy(() -> WriteOptions.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class TrackedOutput extends FilterOutputStream {
        final ByteArrayOutputStream buffer;
        boolean closed;

        TrackedOutput() {
            this(new ByteArrayOutputStream());
        }

        private TrackedOutput(ByteArrayOutputStream buffer) {
            super(buffer);
            this.buffer = buffer;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    private static final class TrackedInput extends FilterInputStream {
        boolean closed;

        TrackedInput(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
