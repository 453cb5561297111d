package io.vgtx.core.match;

import io.vgtx.core.changelog.Change;
import io.vgtx.core.changelog.ChangeLog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The active hashes as of one change-log position, in a file next to the database, so a node starts
 * matching in seconds instead of reading every entry back out of SQL. It is trusted only when it proves
 * it belongs to this database — the change it ends at must be in the log with the same entry and time —
 * and its checksum holds; then the changes after it are applied as usual. Anything else and the index is
 * loaded from the database and a fresh snapshot written.
 *
 * <p>Layout (little-endian): magic, version, last seq, that change's entry id, time and fingerprint, row count, rows of
 * (entry id, type code, four hash words), then a CRC32C of everything before it.
 */
final class IndexSnapshot {
    private static final long MAGIC = 0x3158444958544756L; // "VGTXIDX1"
    private static final int VERSION = 1;
    private static final int HEADER = 8 + 4 + 8 + 8 + 8 + 8 + 4;
    private static final int ROW = 8 + 1 + 32;
    private static final int BUFFER = 1 << 20;

    /**
     * Where a snapshot ends in the change log, and what that change must look like: its entry, its time
     * and a fingerprint of its hash, so a snapshot of another database with as many changes is told apart.
     */
    record Position(long seq, long entryId, long atMillis, long fingerprint) {
        static Position of(ChangeLog log, long seq) {
            if (seq == 0) return new Position(0, 0, 0, 0);
            List<Change> found = log.changesAfter(seq - 1, 1);
            if (found.isEmpty() || found.getFirst().seq() != seq) return new Position(seq, -1, -1, -1);
            Change change = found.getFirst();
            long fingerprint = UUID.nameUUIDFromBytes((change.type().name() + ":" + change.value() + ":" + change.state())
                    .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
            return new Position(seq, change.entryId(), change.at().toEpochMilli(), fingerprint);
        }

        boolean isIn(ChangeLog log) {
            return seq <= log.lastSeq() && equals(of(log, seq));
        }
    }

    record Snapshot(Position position, HashColumns columns) {}

    private IndexSnapshot() {}

    /** The snapshot in {@code file}, if there is one, undamaged; whether it fits the database is the caller's check. */
    static Optional<Snapshot> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN).limit(0);
            CRC32C crc = new CRC32C();
            fill(channel, buffer, HEADER, crc);
            if (buffer.getLong() != MAGIC || buffer.getInt() != VERSION) return Optional.empty();
            Position position = new Position(buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong());
            int rows = buffer.getInt();
            if (rows < 0 || channel.size() != HEADER + (long) rows * ROW + 8) return Optional.empty();
            HashColumns columns = new HashColumns(rows);
            long unread = (long) rows * ROW;
            for (int row = 0; row < rows; row++) {
                if (buffer.remaining() < ROW) unread -= fill(channel, buffer, unread, crc);
                columns.add(buffer.getLong(), buffer.get(), buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong());
            }
            long expected = crc.getValue();
            buffer.clear().limit(8);
            channel.read(buffer);
            buffer.flip();
            return buffer.remaining() == 8 && buffer.getLong() == expected ? Optional.of(new Snapshot(position, columns)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps what is left in the buffer, reads up to {@code unread} more bytes into it, adds them to the checksum. */
    private static int fill(FileChannel channel, ByteBuffer buffer, long unread, CRC32C crc) throws IOException {
        buffer.compact();
        int start = buffer.position();
        int want = (int) Math.min(buffer.capacity(), start + unread);
        buffer.limit(want);
        while (buffer.position() < want) {
            if (channel.read(buffer) < 0) throw new IOException("snapshot ends early");
        }
        buffer.flip();
        crc.update(buffer.duplicate().position(start));
        return want - start;
    }

    /** Writes beside the target and renames, so a reader never sees half a snapshot. */
    static void write(Path file, Position position, HashColumns columns) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
            CRC32C crc = new CRC32C();
            buffer.putLong(MAGIC).putInt(VERSION).putLong(position.seq()).putLong(position.entryId()).putLong(position.atMillis()).putLong(position.fingerprint())
                    .putInt(columns.size());
            for (int row = 0; row < columns.size(); row++) {
                if (buffer.remaining() < ROW) drain(channel, buffer, crc);
                buffer.putLong(columns.id(row)).put(columns.typeCode(row));
                for (int w = 0; w < 4; w++) buffer.putLong(columns.word(row, w));
            }
            drain(channel, buffer, crc);
            buffer.putLong(crc.getValue()).flip();
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void drain(FileChannel channel, ByteBuffer buffer, CRC32C crc) throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }
}
