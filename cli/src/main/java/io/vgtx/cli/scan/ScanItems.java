package io.vgtx.cli.scan;

import io.vgtx.cli.files.InputFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of a scan with ZIP archives opened up: each member becomes an item labelled
 * {@code archive.zip!/inner/path}, read into memory one at a time as the scan pulls it, so nothing is
 * extracted to disk and only the members in flight are held. Archives inside archives are opened too,
 * up to {@value #MAX_NESTING} deep.
 */
final class ScanItems implements Iterator<ScanItem> {
    private static final int MAX_NESTING = 3;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final Iterator<InputFile> files;
    private final long maxMemberBytes;
    /** Open archives, innermost first. */
    private final Deque<OpenArchive> archives = new ArrayDeque<>();
    private ScanItem next;

    ScanItems(Iterator<InputFile> files, long maxMemberBytes) {
        this.files = files;
        this.maxMemberBytes = maxMemberBytes;
    }

    @Override
    public boolean hasNext() {
        while (next == null && (!archives.isEmpty() || files.hasNext())) {
            next = archives.isEmpty() ? fromFile(files.next()) : fromArchive(archives.peekFirst());
        }
        return next != null;
    }

    @Override
    public ScanItem next() {
        if (!hasNext()) throw new NoSuchElementException();
        ScanItem item = next;
        next = null;
        return item;
    }

    private ScanItem fromFile(InputFile file) {
        if (!file.readable()) return new ScanItem.Unreadable(file.label(), file.problem());
        if (!isZip(file.path())) return new ScanItem.OnDisk(file.path(), file.label());
        try {
            archives.push(new OpenArchive(file.label(), new ZipInputStream(Files.newInputStream(file.path())), 1));
            return null;
        } catch (IOException e) {
            return new ScanItem.Unreadable(file.label(), "cannot open archive: " + e.getMessage());
        }
    }

    /** The next member of the innermost open archive, or null when it ends (and is closed). */
    private ScanItem fromArchive(OpenArchive archive) {
        try {
            ZipEntry entry = archive.zip().getNextEntry();
            while (entry != null && entry.isDirectory()) entry = archive.zip().getNextEntry();
            if (entry == null) {
                close(archive);
                return null;
            }
            return member(archive, entry);
        } catch (ZipException e) {
            close(archive);
            return new ScanItem.Unreadable(archive.label(), "corrupt archive: " + e.getMessage());
        } catch (IOException e) {
            close(archive);
            return new ScanItem.Unreadable(archive.label(), "cannot read archive: " + e.getMessage());
        }
    }

    private ScanItem member(OpenArchive archive, ZipEntry entry) throws IOException {
        String label = archive.label() + "!/" + entry.getName();
        byte[] bytes = readBounded(archive.zip());
        if (bytes == null) return new ScanItem.Unreadable(label, "archive member is over the " + maxMemberBytes + "-byte limit");
        if (startsWithZipMagic(bytes) && archive.depth() < MAX_NESTING) {
            archives.push(new OpenArchive(label, new ZipInputStream(new ByteArrayInputStream(bytes)), archive.depth() + 1));
            return null;
        }
        return new ScanItem.InMemory(label, bytes);
    }

    /** Reads the current member, or returns null (and stops reading) past the limit: a zip bomb stays cheap. */
    private byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(maxMemberBytes + 1, Integer.MAX_VALUE - 16));
        return bytes.length > maxMemberBytes ? null : bytes;
    }

    private void close(OpenArchive archive) {
        archives.remove(archive);
        try {
            archive.zip().close();
        } catch (IOException ignored) {
            // Nothing was written; a failed close of a read-only stream loses nothing.
        }
    }

    private static boolean isZip(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return startsWithZipMagic(in.readNBytes(ZIP_MAGIC.length));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWithZipMagic(byte[] bytes) {
        return bytes.length >= ZIP_MAGIC.length && Arrays.equals(bytes, 0, ZIP_MAGIC.length, ZIP_MAGIC, 0, ZIP_MAGIC.length);
    }

    private record OpenArchive(String label, ZipInputStream zip, int depth) {}
}
