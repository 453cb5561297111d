package io.vgtx.cli.concurrent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work on all cores and hands results to a sink in input order, so output is stable whatever the
 * scheduling. At most {@code window} results are in flight, which bounds memory for any input size.
 */
public final class OrderedParallel {
    private OrderedParallel() {}

    public static <T, R> void run(Iterator<T> inputs, int threads, Function<T, R> work, Consumer<R> sink) {
        int window = Math.max(2, threads * 4);
        Deque<Future<R>> inFlight = new ArrayDeque<>(window);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "vgtx-worker");
            thread.setDaemon(true);
            return thread;
        })) {
            while (inputs.hasNext()) {
                if (inFlight.size() >= window) sink.accept(await(inFlight.removeFirst()));
                T input = inputs.next();
                inFlight.addLast(pool.submit(() -> work.apply(input)));
            }
            while (!inFlight.isEmpty()) sink.accept(await(inFlight.removeFirst()));
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
