package io.vgtx.hashing.image;

/**
 * Decoded pixels, held only in memory while an image is hashed.
 *
 * @param width    columns, at least 1
 * @param height   rows, at least 1
 * @param channels 1 for grey samples, 3 for interleaved R, G, B
 * @param pixels   8-bit samples, row-major, no padding: {@code width * height * channels} bytes
 */
public record DecodedImage(int width, int height, int channels, byte[] pixels) {
    public DecodedImage {
        if (width < 1 || height < 1) throw new IllegalArgumentException("image has no pixels: " + width + "x" + height);
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        if (pixels.length != (long) width * height * channels)
            throw new IllegalArgumentException("expected " + (long) width * height * channels + " samples, got " + pixels.length);
    }

    public boolean isGrey() {
        return channels == 1;
    }
}
