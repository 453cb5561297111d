package io.vgtx.hashing.image;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Keeps the native decoders' large, short-lived buffers in the C heap. libjpeg-turbo allocates and frees
 * several megabytes per decode (a progressive JPEG's coefficient buffer is ~10 MB at 1.6 MP). With glibc's
 * default, dynamic mmap threshold, a process that has not yet freed anything that large serves each such
 * buffer with a fresh mmap — page-faulted, zeroed and unmapped again every time — which measured 5× slower
 * decodes here (36 ms instead of 7 ms for a 1/8-scale progressive decode). Fixing the thresholds once makes
 * the speed independent of what the process happened to allocate before. Not glibc: nothing to do.
 */
final class MallocTuning {
    /** glibc's mallopt parameters. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** glibc's largest mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX); larger blocks are still mapped. */
    private static final int MMAP_THRESHOLD = 32 << 20;
    /** Free heap kept before trimming it back to the system: a few decodes' worth. */
    private static final int TRIM_THRESHOLD = 128 << 20;

    private static final boolean APPLIED = apply();

    private MallocTuning() {}

    /** Applies the tuning once per process; later calls do nothing. */
    static boolean ensureApplied() {
        return APPLIED;
    }

    private static boolean apply() {
        try {
            Linker linker = Linker.nativeLinker();
            Optional<MethodHandle> mallopt = linker.defaultLookup().find("mallopt")
                    .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT)));
            if (mallopt.isEmpty()) return false;
            int mmap = (int) mallopt.get().invokeExact(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            int trim = (int) mallopt.get().invokeExact(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
            return mmap == 1 && trim == 1;
        } catch (Throwable e) {
            // Denied native access or an unusual libc: decoding still works, only slower.
            return false;
        }
    }
}
