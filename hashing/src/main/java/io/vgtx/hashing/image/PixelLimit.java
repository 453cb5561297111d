package io.vgtx.hashing.image;

/**
 * The size guard every decoder applies to the dimensions in an image's header, before any pixel buffer
 * exists: a small hostile file can claim billions of pixels.
 */
final class PixelLimit {
    /** The largest Java array the JVM allocates, a little under {@code Integer.MAX_VALUE}. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private PixelLimit() {}

    /** Refuses a header size that is empty, over {@code options.maxPixels()}, or too big for one byte array. */
    static void check(int width, int height, int channels, DecodeOptions options) throws ImageDecodeException {
        if (width < 1 || height < 1)
            throw new ImageDecodeException("image header gives no pixels: " + width + "x" + height);
        long pixels = (long) width * height;
        if (pixels > options.maxPixels())
            throw new ImageDecodeException("image is " + width + "x" + height + " pixels, over the limit of "
                    + options.maxPixels() + " (--max-pixels)");
        if (pixels > MAX_ARRAY_LENGTH / channels)
            throw new ImageDecodeException("image is " + width + "x" + height + " pixels, too large to decode in memory");
    }
}
