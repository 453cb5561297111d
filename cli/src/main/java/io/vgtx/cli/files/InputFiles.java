package io.vgtx.cli.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The files named on a command line, folders walked recursively, in a stable order: arguments as given,
 * each folder's entries sorted by name. Lazy (one folder listing in memory per level), so a tree of
 * millions of files starts at once. Symbolic links to folders are not followed, which rules out loops.
 */
public final class InputFiles implements Iterable<InputFile> {
    private final List<Path> roots;

    public InputFiles(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Counts the files without reading them (for a progress bar). */
    public long count() {
        long n = 0;
        for (InputFile ignored : this) n++;
        return n;
    }

    @Override
    public Iterator<InputFile> iterator() {
        return new Walk(roots);
    }

    private static final class Walk implements Iterator<InputFile> {
        /** Pending paths, next one first; a folder is replaced by its sorted entries when reached. */
        private final Deque<Pending> pending = new ArrayDeque<>();
        private InputFile next;

        Walk(List<Path> roots) {
            for (Path root : roots) pending.addLast(new Pending(root, true));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !pending.isEmpty()) next = advance(pending.removeFirst());
            return next != null;
        }

        @Override
        public InputFile next() {
            if (!hasNext()) throw new NoSuchElementException();
            InputFile file = next;
            next = null;
            return file;
        }

        private InputFile advance(Pending item) {
            Path path = item.path();
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || (item.named() && Files.isDirectory(path))) {
                List<Path> children = list(path);
                if (children == null) return new InputFile(path, "cannot list folder");
                for (int i = children.size() - 1; i >= 0; i--) pending.addFirst(new Pending(children.get(i), false));
                return null;
            }
            if (!Files.exists(path)) return new InputFile(path, "no such file or directory");
            if (!Files.isRegularFile(path)) return item.named() ? new InputFile(path, "not a regular file") : null;
            return new InputFile(path, null);
        }

        /** The folder's entries sorted by name, or null when it cannot be listed. */
        private static List<Path> list(Path folder) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                entries.forEach(children::add);
            } catch (IOException | UncheckedIOException e) {
                return null;
            }
            children.sort(null);
            return children;
        }

        private record Pending(Path path, boolean named) {}
    }
}
