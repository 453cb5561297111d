package io.vgtx.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is an interactive terminal, so progress bars appear there and nowhere else. */
public final class Terminal {
    private Terminal() {}

    public static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    public static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /** On Linux a terminal descriptor links to a tty or pts device; anywhere else we stay quiet. */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
