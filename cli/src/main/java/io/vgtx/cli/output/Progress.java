package io.vgtx.cli.output;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/** A progress bar on stderr when it is a terminal and the run is long enough to want one; silent otherwise. */
public final class Progress implements AutoCloseable {
    /** Fewer items than this finish too fast for a bar to help. */
    private static final long MIN_ITEMS = 20;

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** {@code total} is only asked for (it may walk a whole tree) when a bar could be shown. */
    public static Progress start(String task, LongSupplier total, boolean wanted) {
        return start(task, total, wanted, MIN_ITEMS, new ProgressBarBuilder());
    }

    /** A bar over {@code bytes} bytes, in MB; only for inputs of a megabyte or more. */
    public static Progress startBytes(String task, long bytes, boolean wanted) {
        return start(task, () -> bytes, wanted, 1 << 20, new ProgressBarBuilder().setUnit(" MB", 1 << 20));
    }

    private static Progress start(String task, LongSupplier total, boolean wanted, long minimum, ProgressBarBuilder builder) {
        if (!wanted || !Terminal.stderrIsTerminal()) return new Progress(null);
        long max = total.getAsLong();
        if (max < minimum) return new Progress(null);
        ProgressBar bar = builder
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                .build();
        return new Progress(bar);
    }

    public void step() {
        if (bar != null) bar.step();
    }

    /** Steps this bar by the bytes read through the returned stream (for imports: a bar over the file's size). */
    public InputStream track(InputStream in) {
        if (bar == null) return in;
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) bar.step();
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) bar.stepBy(n);
                return n;
            }
        };
    }

    /** A line for stdout that does not tangle with the bar when both share a terminal. */
    public String clearLine() {
        return bar != null && Terminal.stdoutIsTerminal() ? "\r\033[K" : "";
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
