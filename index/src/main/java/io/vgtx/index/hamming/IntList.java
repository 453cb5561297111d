package io.vgtx.index.hamming;

import java.util.Arrays;

/** A growable list of ints without boxing, for slot bookkeeping. */
final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = value;
    }

    void addAll(IntList other) {
        for (int i = 0; i < other.size; i++) add(other.values[i]);
    }

    /** The values of both lists, in one array. */
    static int[] concat(IntList first, IntList second) {
        int[] all = Arrays.copyOf(first.values, first.size + second.size);
        System.arraycopy(second.values, 0, all, first.size, second.size);
        return all;
    }

    int pop() {
        return values[--size];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
        if (values.length > 1024) values = new int[16];
    }

    long memoryBytes() {
        return 4L * values.length;
    }
}
