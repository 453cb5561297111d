package io.vgtx.formats.support;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** UTF-8 text in and out; every reader and writer goes through here so BOMs and stream ownership are handled once. */
public final class Streams {
    private static final int BUFFER = 1 << 16;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Streams() {}

    /**
     * The input without a leading UTF-8 byte order mark (Windows tools write one), and whose
     * {@code close()} leaves the caller's stream open.
     */
    public static InputStream open(InputStream in) throws IOException {
        InputStream buffered = new BufferedInputStream(keepOpen(in), BUFFER);
        buffered.mark(BOM.length);
        byte[] start = buffered.readNBytes(BOM.length);
        boolean bom = start.length == BOM.length && start[0] == BOM[0] && start[1] == BOM[1] && start[2] == BOM[2];
        if (!bom) buffered.reset();
        return buffered;
    }

    /** {@link #open} as UTF-8 text. */
    public static BufferedReader reader(InputStream in) throws IOException {
        return new BufferedReader(new InputStreamReader(open(in), StandardCharsets.UTF_8), BUFFER);
    }

    /** The output as UTF-8 text, whose {@code close()} flushes but leaves the caller's stream open. */
    public static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(keepOpen(out), StandardCharsets.UTF_8), BUFFER);
    }

    /** The output, whose {@code close()} flushes but leaves the caller's stream open. */
    public static OutputStream keepOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static InputStream keepOpen(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller opened it and closes it
            }
        };
    }
}
