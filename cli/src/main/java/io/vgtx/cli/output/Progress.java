package io.vgtx.cli.output;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

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
        if (!wanted || !Terminal.stderrIsTerminal()) return new Progress(null);
        long max = total.getAsLong();
        if (max < MIN_ITEMS) return new Progress(null);
        ProgressBar bar = new ProgressBarBuilder()
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

    /** A line for stdout that does not tangle with the bar when both share a terminal. */
    public String clearLine() {
        return bar != null && Terminal.stdoutIsTerminal() ? "\r\033[K" : "";
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
