package io.vgtx.index.hamming;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One multi-index hash table. It indexes its substring of the code: the low {@code groupBits} bits of
 * the substring's key pick a group, and each entry in the group carries the rest of the key (the
 * sub-key) and a run of bits from the <em>next</em> table's substring (the neighbour bits). A probe reads
 * a group and filters it on those carried bits (see {@link Pigeonhole#pairBounds}), so that almost
 * only true matches cost a fetch of their code.
 *
 * <p>An entry is {@code neighbour << (26 + subBits) | sub << 26 | slot}, stored in {@link #entryBytes} bytes
 * (5 or 6: tables of many short substrings carry few bits, and their entries are the index's largest part).
 * Groups are in compressed-sparse-row form: group g holds entries {@code offsets[g] .. offsets[g + 1]};
 * no per-group objects. Changes are folded in by {@link #merge}.
 */
final class BucketTable {
    static final int SLOT_BITS = 26;
    static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    static final int MIN_ENTRY_BYTES = 5;
    static final int MAX_ENTRY_BYTES = 6;
    /** Entries are read as unaligned little-endian longs (the array has padding at the end)... */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** ...and written as an int and a byte or short, so that a write never has to read its neighbour's bytes first. */
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    final int groupBits;
    final int entryBytes;
    private final long entryMask;
    /** The table's own key: group bits low, sub-key bits above. */
    final BitRange key;
    /** Bits of the next table's substring carried in each entry. */
    final BitRange neighbour;
    final int[] offsets;
    byte[] entries;

    private BucketTable(int groupBits, BitRange key, BitRange neighbour, int entryBytes) {
        if (entryBytes < MIN_ENTRY_BYTES || entryBytes > MAX_ENTRY_BYTES || groupBits < 1 || groupBits > key.length()
                || key.length() - groupBits + neighbour.length() > carriedBits(entryBytes)) {
            throw new IllegalArgumentException("bad table shape: " + groupBits + " group bits, key " + key
                    + ", neighbour " + neighbour + ", " + entryBytes + "-byte entries");
        }
        this.groupBits = groupBits;
        this.entryBytes = entryBytes;
        this.entryMask = (1L << (8 * entryBytes)) - 1;
        this.key = key;
        this.neighbour = neighbour;
        this.offsets = new int[(1 << groupBits) + 1];
    }

    /**
     * Groups every live slot below {@code slotCount}: a counting sort, two passes over the codes (reading
     * the key twice is cheaper than a temporary array of N keys).
     */
    static BucketTable build(int groupBits, BitRange key, BitRange neighbour, int entryBytes, long[] codes,
                             int slotCount, long[] dead) {
        BucketTable table = new BucketTable(groupBits, key, neighbour, entryBytes);
        int[] offsets = table.offsets;
        int live = 0;
        for (int s = 0; s < slotCount; s++) {
            if (!Bits.get(dead, s)) {
                offsets[table.group(key.of(codes, s)) + 1]++;
                live++;
            }
        }
        for (int g = 1; g < offsets.length; g++) offsets[g] += offsets[g - 1];
        // Scatter using offsets[g] as group g's write cursor; afterwards it points at group g + 1's start,
        // so shifting the array right by one restores the starts.
        byte[] entries = table.newEntries(live);
        for (int s = 0; s < slotCount; s++) {
            if (!Bits.get(dead, s)) table.write(entries, offsets[table.group(key.of(codes, s))]++, table.entryFor(codes, s));
        }
        System.arraycopy(offsets, 0, offsets, 1, offsets.length - 1);
        offsets[0] = 0;
        table.entries = entries;
        return table;
    }

    /**
     * Adds the slots {@code added} (live, not yet in the table) and drops the entries of dead slots among
     * {@code maybeDead} (slots that died since the table last caught up; their codes are still stored).
     * Only the groups these touch are rewritten entry by entry; the runs between them are block copies.
     */
    void merge(long[] codes, int[] added, int[] maybeDead, long[] dead) {
        long[] additions = new long[added.length];
        for (int i = 0; i < added.length; i++) additions[i] = (long) groupOf(codes, added[i]) << 32 | added[i];
        Arrays.sort(additions);
        int[] cleanups = new int[maybeDead.length];
        for (int i = 0; i < maybeDead.length; i++) cleanups[i] = groupOf(codes, maybeDead[i]);
        Arrays.sort(cleanups);

        byte[] old = entries;
        int oldSize = size();
        byte[] merged = newEntries(oldSize + added.length);
        int read = 0;
        int written = 0;
        int shiftedUpTo = 0;
        int a = 0;
        int c = 0;
        while (a < additions.length || c < cleanups.length) {
            int g = Math.min(a < additions.length ? (int) (additions[a] >>> 32) : Integer.MAX_VALUE,
                    c < cleanups.length ? cleanups[c] : Integer.MAX_VALUE);
            int start = offsets[g];
            int end = offsets[g + 1];
            copyEntries(old, read, merged, written, start - read);
            written += start - read;
            // Groups up to g move by what earlier edits added or dropped.
            int shift = written - start;
            for (int k = shiftedUpTo; k <= g; k++) offsets[k] += shift;
            for (int i = start; i < end; i++) {
                long entry = read(old, i);
                if (!Bits.get(dead, slot(entry))) write(merged, written++, entry);
            }
            for (; a < additions.length && (int) (additions[a] >>> 32) == g; a++) {
                write(merged, written++, entryFor(codes, (int) additions[a]));
            }
            while (c < cleanups.length && cleanups[c] == g) c++;
            read = end;
            shiftedUpTo = g + 1;
        }
        copyEntries(old, read, merged, written, oldSize - read);
        written += oldSize - read;
        int shift = written - oldSize;
        for (int k = shiftedUpTo; k < offsets.length; k++) offsets[k] += shift;
        entries = merged;
    }

    private int groupOf(long[] codes, int slot) {
        return group(key.of(codes, slot));
    }

    /** Bits an entry of this size has for the sub-key and the neighbour bits together. */
    static int carriedBits(int entryBytes) {
        return 8 * entryBytes - SLOT_BITS;
    }

    /** Room for {@code count} entries, plus the padding that lets the last one be read as a long. */
    private byte[] newEntries(int count) {
        return new byte[entryBytes * count + Long.BYTES - entryBytes];
    }

    private void copyEntries(byte[] from, int fromIndex, byte[] to, int toIndex, int count) {
        System.arraycopy(from, entryBytes * fromIndex, to, entryBytes * toIndex, entryBytes * count);
    }

    int group(int key) {
        return key & ((1 << groupBits) - 1);
    }

    int sub(int key) {
        return key >>> groupBits;
    }

    int subBits() {
        return key.length() - groupBits;
    }

    /** The entry at index j, as the low 48 bits of a long. */
    long entry(int j) {
        return read(entries, j);
    }

    static int slot(long entry) {
        return (int) entry & SLOT_MASK;
    }

    int size() {
        return offsets[offsets.length - 1];
    }

    /** The entry array may hold a few dropped entries' worth of slack after a merge; it is counted. */
    long memoryBytes() {
        return 4L * offsets.length + entries.length;
    }

    private long entryFor(long[] codes, int slot) {
        long carried = (long) neighbour.of(codes, slot) << subBits() | sub(key.of(codes, slot));
        return carried << SLOT_BITS | slot;
    }

    private long read(byte[] entries, int j) {
        return (long) LONGS.get(entries, entryBytes * j) & entryMask;
    }

    private void write(byte[] entries, int j, long entry) {
        int at = entryBytes * j;
        INTS.set(entries, at, (int) entry);
        if (entryBytes == 6) SHORTS.set(entries, at + Integer.BYTES, (short) (entry >>> Integer.SIZE));
        else entries[at + Integer.BYTES] = (byte) (entry >>> Integer.SIZE);
    }
}
