package io.vgtx.hashing.pdq;

/**
 * The PDQ DCT: 64×64 → 16×16, keeping frequencies 1..16 (the DC term is dropped). Sums run in float,
 * from zero, in ascending index order, as in the reference; reordering them would change bits.
 */
final class Dct16 {
    private static final int N = 64;
    private static final int K = 16;
    /**
     * D[u][x] = sqrt(2/64)·cos(π/128·(u+1)·(2x+1)): the cosine in double, the product stored as float.
     *
     * <p>The reference holds the scale factor sqrt(2/64) in a <em>float</em> before it multiplies
     * (pdqhashing.cpp: {@code const float matrix_scale_factor}), so some entries round one ulp away
     * from the all-double product. On most images that moves no bit; an image whose side is 8 or 16
     * pixels is decimated into exact 8- or 4-fold repeats, several coefficients are then zero but for
     * rounding, they sit at the median, and the ulp decided 2–27 bits (issue 13).
     */
    private static final float[] MATRIX = buildMatrix();

    private final float[] temp = new float[K * N];

    private static float[] buildMatrix() {
        float[] d = new float[K * N];
        double scale = (float) Math.sqrt(2.0 / N);
        for (int u = 0; u < K; u++) {
            for (int x = 0; x < N; x++) {
                d[u * N + x] = (float) (scale * Math.cos((Math.PI / 2 / N) * (u + 1) * (2 * x + 1)));
            }
        }
        return d;
    }

    /** Returns B = D·A·Dᵀ for the 64×64 row-major block {@code a}; B is 16×16 row-major. */
    float[] transform(float[] a) {
        float[] d = MATRIX;
        // T = D·A. Each T[u][x] still sums over y in ascending order from zero; looping x innermost only
        // interleaves independent sums, which keeps the bits and lets the JIT vectorise.
        java.util.Arrays.fill(temp, 0.0f);
        for (int u = 0; u < K; u++) {
            for (int y = 0; y < N; y++) {
                float coefficient = d[u * N + y];
                int row = y * N;
                int out = u * N;
                for (int x = 0; x < N; x++) temp[out + x] += coefficient * a[row + x];
            }
        }
        float[] b = new float[K * K];
        for (int u = 0; u < K; u++) {
            for (int v = 0; v < K; v++) {
                float sum = 0.0f;
                for (int x = 0; x < N; x++) sum += temp[u * N + x] * d[v * N + x];
                b[u * K + v] = sum;
            }
        }
        return b;
    }
}
