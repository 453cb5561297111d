package io.vgtx.hashing.content;

import io.vgtx.hashing.image.DecodedImage;

/**
 * The pre-resize of the reference C++ tool ({@code pdq-photo-hasher}): an image larger than 512 px on
 * either side becomes 512×512 by nearest-neighbour sampling, ignoring the aspect ratio; output column x
 * takes source column ⌊x·W/512⌋. Used only in {@code --fast} mode.
 */
final class FastResize {
    private FastResize() {}

    static DecodedImage nearestSquare(DecodedImage image, int dim) {
        int w = image.width();
        int h = image.height();
        if (w <= dim && h <= dim) return image;
        int channels = image.channels();
        byte[] src = image.pixels();
        byte[] out = new byte[dim * dim * channels];
        int[] sourceColumns = new int[dim];
        for (int x = 0; x < dim; x++) sourceColumns[x] = (int) ((long) x * w / dim) * channels;
        for (int y = 0; y < dim; y++) {
            int sourceRow = (int) ((long) y * h / dim) * w * channels;
            int target = y * dim * channels;
            for (int x = 0; x < dim; x++) {
                System.arraycopy(src, sourceRow + sourceColumns[x], out, target + x * channels, channels);
            }
        }
        return new DecodedImage(dim, dim, channels, out);
    }
}
