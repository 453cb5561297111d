package io.vgtx.hashing.image;

/**
 * How to decode.
 *
 * @param maxPixels        refuse, from the header and before any pixel buffer exists, images with more pixels
 * @param jpegScale        1 for full resolution (canonical); 2, 4 or 8 to let libjpeg-turbo decode JPEG at up to that
 *                         fraction in the DCT domain (the {@code --fast} mode; other formats ignore it). The
 *                         fraction actually used keeps enough pixels for a stable hash, see {@link #jpegScaleFor}
 * @param applyExifOrientation turn the pixels upright as the EXIF Orientation tag says; the reference PDQ
 *                         implementations do not, so the canonical hash leaves it off
 */
public record DecodeOptions(long maxPixels, int jpegScale, boolean applyExifOrientation) {
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /**
     * Scaled decoding stops before the image drops below this many pixels, or a side below
     * {@link #MIN_SCALED_SIDE}: PDQ samples a 64×64 grid from a blurred image, and with fewer pixels the hash
     * drifts much further from the canonical one (measured on the test corpus: 1600×1004 at 1/8, 200×126,
     * stays within 16 bits; 512×512 at 1/4, 128×128, moved 38).
     */
    public static final int MIN_SCALED_PIXELS = 24_000;
    public static final int MIN_SCALED_SIDE = 96;

    public DecodeOptions {
        if (maxPixels < 1) throw new IllegalArgumentException("maxPixels must be positive");
        if (jpegScale != 1 && jpegScale != 2 && jpegScale != 4 && jpegScale != 8)
            throw new IllegalArgumentException("jpegScale must be 1, 2, 4 or 8, not " + jpegScale);
    }

    /**
     * The largest DCT scale denominator, up to {@link #jpegScale}, that keeps at least {@value #MIN_SCALED_PIXELS}
     * pixels and {@value #MIN_SCALED_SIDE} on each side.
     */
    public int jpegScaleFor(int width, int height) {
        int scale = jpegScale;
        while (scale > 1 && !largeEnough(width / scale, height / scale)) scale /= 2;
        return scale;
    }

    private static boolean largeEnough(int width, int height) {
        return Math.min(width, height) >= MIN_SCALED_SIDE && (long) width * height >= MIN_SCALED_PIXELS;
    }

    public static DecodeOptions canonical() {
        return new DecodeOptions(DEFAULT_MAX_PIXELS, 1, false);
    }

    public DecodeOptions withMaxPixels(long limit) {
        return new DecodeOptions(limit, jpegScale, applyExifOrientation);
    }

    public DecodeOptions withJpegScale(int scale) {
        return new DecodeOptions(maxPixels, scale, applyExifOrientation);
    }

    public DecodeOptions withExifOrientation(boolean apply) {
        return new DecodeOptions(maxPixels, jpegScale, apply);
    }
}
