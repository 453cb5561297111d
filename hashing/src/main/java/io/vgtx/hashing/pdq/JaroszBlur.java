package io.vgtx.hashing.pdq;

import java.util.Arrays;

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
    private float[] narrowIn = new float[0];
    private float[] narrowOut = new float[0];

    /** Window size along a dimension of {@code length} pixels: ceil(length / 128). */
    static int windowSize(int length) {
        return (length + 2 * OUTPUT_DIM - 1) / (2 * OUTPUT_DIM);
    }

    /**
     * Blurs {@code image} (rows × cols, overwritten; {@code scratch} is a buffer of the same size) and
     * returns the 64×64 samples at {@code sampleRows} × {@code sampleCols}.
     *
     * <p>Only those samples are ever read, and the last column pass treats columns independently, so it
     * runs over the 64 sampled columns alone (gathered into a narrow buffer) instead of every column:
     * the same operations for each sampled column, so the same bits.
     */
    float[] blurAndSample(float[] image, float[] scratch, int rows, int cols, int[] sampleRows, int[] sampleCols) {
        int rowWindow = windowSize(cols);
        int colWindow = windowSize(rows);
        if (columnSums.length < Math.max(cols, sampleCols.length)) columnSums = new float[Math.max(cols, sampleCols.length)];
        for (int round = 0; round < ROUNDS - 1; round++) {
            round(image, scratch, scratch, image, rows, cols, cols, null, rowWindow, colWindow);
        }
        int narrowCols = sampleCols.length;
        int narrowSize = rows * narrowCols;
        if (narrowIn.length < narrowSize) {
            narrowIn = new float[narrowSize];
            narrowOut = new float[narrowSize];
        }
        round(image, scratch, narrowIn, narrowOut, rows, cols, narrowCols, sampleCols, rowWindow, colWindow);
        float[] samples = new float[sampleRows.length * narrowCols];
        for (int i = 0; i < sampleRows.length; i++) {
            System.arraycopy(narrowOut, sampleRows[i] * narrowCols, samples, i * narrowCols, narrowCols);
        }
        return samples;
    }

    /**
     * One round: the row pass from {@code image} into {@code scratch}, then the column pass from
     * {@code columnIn} into {@code columnOut}. The two are interleaved row by row — the column pass takes
     * each row the moment the row pass has written it, while it is still in cache — instead of sweeping
     * the whole image twice. In a full round the column pass reads {@code scratch} and writes back into
     * {@code image}, only into rows the row pass has already read, so working in place is safe; each
     * column sees the same operations in the same order as in the reference. With {@code gather}, the
     * column pass runs only over those columns of each row, copied into the narrow {@code columnIn}.
     */
    private void round(float[] image, float[] scratch, float[] columnIn, float[] columnOut, int rows, int cols,
                       int columnWidth, int[] gather, int rowWindow, int colWindow) {
        float[] sums = columnSums;
        Arrays.fill(sums, 0, columnWidth, 0.0f);
        int half = (colWindow + 2) / 2;
        int count = 0;
        for (int read = 0; read < rows; read++) {
            // Rows are box-filtered four at a time (their running sums are independent chains the CPU
            // overlaps); the later rows of a group are ready when the column pass gets to them.
            if ((read & 3) == 0 && read + 3 < rows) {
                boxRowQuad(image, scratch, read * cols, (read + 1) * cols, (read + 2) * cols, (read + 3) * cols, cols, rowWindow);
            } else if (read >= (rows & ~3)) {
                boxRow(image, scratch, read * cols, cols, rowWindow);
            }
            if (gather != null) {
                for (int k = 0; k < columnWidth; k++) columnIn[read * columnWidth + k] = scratch[read * cols + gather[k]];
            }
            int write = read - (half - 1);
            if (read < colWindow) {
                addRow(columnIn, read * columnWidth, sums, columnWidth);
                count++;
                if (write >= 0) writeRow(sums, columnOut, write * columnWidth, columnWidth, count);
            } else {
                slideRow(columnIn, read * columnWidth, (read - colWindow) * columnWidth, sums, columnOut,
                        write * columnWidth, columnWidth, count);
            }
        }
        for (int leave = rows - colWindow, write = rows - half + 1; write < rows; leave++, write++) {
            subtractRow(columnIn, leave * columnWidth, sums, columnWidth);
            count--;
            writeRow(sums, columnOut, write * columnWidth, columnWidth, count);
        }
    }

    /**
     * {@link #boxRow} on four rows at once: the same operations per row, interleaved. Each row's running
     * sum is a chain of dependent float additions, so one row at a time waits on add latency; four
     * independent chains keep the adder busy.
     */
    private static void boxRowQuad(float[] in, float[] out, int a, int b, int c, int d, int length, int window) {
        int half = (window + 2) / 2;
        int read = 0;
        int leave = 0;
        int write = 0;
        float sumA = 0.0f, sumB = 0.0f, sumC = 0.0f, sumD = 0.0f;
        int count = 0;
        for (int i = 0; i < half - 1; i++, read++) {
            sumA += in[a + read];
            sumB += in[b + read];
            sumC += in[c + read];
            sumD += in[d + read];
            count++;
        }
        for (int i = 0; i < window - half + 1; i++, read++, write++) {
            sumA += in[a + read];
            sumB += in[b + read];
            sumC += in[c + read];
            sumD += in[d + read];
            count++;
            out[a + write] = sumA / count;
            out[b + write] = sumB / count;
            out[c + write] = sumC / count;
            out[d + write] = sumD / count;
        }
        for (int i = 0; i < length - window; i++, read++, leave++, write++) {
            sumA += in[a + read];
            sumA -= in[a + leave];
            sumB += in[b + read];
            sumB -= in[b + leave];
            sumC += in[c + read];
            sumC -= in[c + leave];
            sumD += in[d + read];
            sumD -= in[d + leave];
            out[a + write] = sumA / count;
            out[b + write] = sumB / count;
            out[c + write] = sumC / count;
            out[d + write] = sumD / count;
        }
        for (int i = 0; i < half - 1; i++, leave++, write++) {
            sumA -= in[a + leave];
            sumB -= in[b + leave];
            sumC -= in[c + leave];
            sumD -= in[d + leave];
            count--;
            out[a + write] = sumA / count;
            out[b + write] = sumB / count;
            out[c + write] = sumC / count;
            out[d + write] = sumD / count;
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
