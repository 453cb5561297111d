package io.vgtx.cli.scan;

/** One thing to hash during a scan: a file on disk, a member read from an archive, or one that could not be read. */
sealed interface ScanItem {
    String label();

    record OnDisk(java.nio.file.Path path, String label) implements ScanItem {}

    /** An archive member's bytes, read into memory (never extracted to disk). */
    record InMemory(String label, byte[] bytes) implements ScanItem {}

    record Unreadable(String label, String reason) implements ScanItem {}
}
