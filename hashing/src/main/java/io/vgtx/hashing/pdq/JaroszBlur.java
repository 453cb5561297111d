package io.vgtx.hashing.pdq;

/**
 * The Jarosz tent filter of the PDQ reference: two rounds of (box along every row, then box along every
 * column). Every box pass keeps the reference's single float running sum and its order of adds,
 * subtracts and divisions, so the output is bit-identical to it (PDQ.md §1.4).
 *
 * <p>The reference walks each column with a stride of a whole row, which misses the cache on every
 * sample. The column pass here keeps one running sum per column and sweeps whole rows in memory order:
 * the same operations per column, in the same order, so the same bits, several times faster.
 * Every division is by the integer count, as in the reference (a multiplication by the reciprocal
 * would round differently).
 */
final class JaroszBlur {
    private static final int ROUNDS = 2;
    private static final int OUTPUT_DIM = 64;

    private float[] columnSums = new float[0];

    /** Window size along a dimension of {@code length} pixels: ceil(length / 128). */
    static int windowSize(int length) {
        return (length + 2 * OUTPUT_DIM - 1) / (2 * OUTPUT_DIM);
    }

    /** Blurs {@code image} (rows × cols) in place, using {@code scratch} of the same size. */
    void blur(float[] image, float[] scratch, int rows, int cols) {
        int rowWindow = windowSize(cols);
        int colWindow = windowSize(rows);
        if (columnSums.length < cols) columnSums = new float[cols];
        for (int round = 0; round < ROUNDS; round++) round(image, scratch, rows, cols, rowWindow, colWindow);
    }

    /**
     * One round: the row pass from {@code image} into {@code scratch}, then the column pass from
     * {@code scratch} back into {@code image}. The two are interleaved row by row — the column pass takes
     * each row the moment the row pass has written it, while it is still in cache — instead of sweeping
     * the whole image twice. The column pass only writes rows of {@code image} that the row pass has
     * already read, so working in place is safe, and each column sees the same operations in the same
     * order as in the reference.
     */
    private void round(float[] image, float[] scratch, int rows, int cols, int rowWindow, int colWindow) {
        float[] sums = columnSums;
        java.util.Arrays.fill(sums, 0, cols, 0.0f);
        int half = (colWindow + 2) / 2;
        int count = 0;
        for (int read = 0; read < rows; read++) {
            boxRow(image, scratch, read * cols, cols, rowWindow);
            int write = read - (half - 1);
            if (read < colWindow) {
                addRow(scratch, read * cols, sums, cols);
                count++;
                if (write >= 0) writeRow(sums, image, write * cols, cols, count);
            } else {
                slideRow(scratch, read * cols, (read - colWindow) * cols, sums, image, write * cols, cols, count);
            }
        }
        for (int leave = rows - colWindow, write = rows - half + 1; write < rows; leave++, write++) {
            subtractRow(scratch, leave * cols, sums, cols);
            count--;
            writeRow(sums, image, write * cols, cols, count);
        }
    }

    /** One 1-D box pass along a row, exactly as the reference's box1DFloat with stride 1. */
    private static void boxRow(float[] in, float[] out, int offset, int length, int window) {
        int half = (window + 2) / 2;
        int read = offset;
        int leave = offset;
        int write = offset;
        float sum = 0.0f;
        int count = 0;
        for (int i = 0; i < half - 1; i++) {
            sum += in[read++];
            count++;
        }
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[read++];
            count++;
            out[write++] = sum / count;
        }
        for (int i = 0; i < length - window; i++) {
            sum += in[read++];
            sum -= in[leave++];
            out[write++] = sum / count;
        }
        for (int i = 0; i < half - 1; i++) {
            sum -= in[leave++];
            count--;
            out[write++] = sum / count;
        }
    }

    private static void addRow(float[] in, int offset, float[] sums, int cols) {
        for (int c = 0; c < cols; c++) sums[c] += in[offset + c];
    }

    /** A full window moves down a row: add the entering row, subtract the leaving one, write the means. */
    private static void slideRow(float[] in, int enter, int leave, float[] sums, float[] out, int offset, int cols, int count) {
        for (int c = 0; c < cols; c++) {
            float s = sums[c] + in[enter + c];
            s -= in[leave + c];
            sums[c] = s;
            out[offset + c] = s / count;
        }
    }

    private static void subtractRow(float[] in, int offset, float[] sums, int cols) {
        for (int c = 0; c < cols; c++) sums[c] -= in[offset + c];
    }

    private static void writeRow(float[] sums, float[] out, int offset, int cols, int count) {
        for (int c = 0; c < cols; c++) out[offset + c] = sums[c] / count;
    }
}
