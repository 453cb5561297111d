package io.vgtx.hashing.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The EXIF Orientation tag (1–8): how the stored pixels must be turned to show the picture upright. The PDQ
 * references hash the pixels as stored, so applying it is an option ({@link DecodeOptions#applyExifOrientation()}),
 * off by default.
 *
 * <p>Read from a JPEG APP1 segment, a PNG {@code eXIf} chunk, a WebP {@code EXIF} chunk or a TIFF's first IFD.
 * A missing, malformed or out-of-range tag reads as 1 (as stored).
 */
public final class ExifOrientation {
    public static final int AS_STORED = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] JPEG_EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private ExifOrientation() {}

    /** The orientation stored in {@code encoded}, or {@link #AS_STORED}. */
    public static int of(ImageFormat format, byte[] encoded) {
        return switch (format) {
            case JPEG -> fromJpeg(encoded);
            case PNG -> fromPng(encoded);
            case WEBP -> fromWebp(encoded);
            case TIFF -> fromTiff(encoded, 0, encoded.length);
            case GIF, BMP -> AS_STORED;
        };
    }

    /** The image turned upright as {@code orientation} says; the same image for 1 or an unknown value. */
    public static DecodedImage apply(DecodedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) return image;
        int w = image.width();
        int h = image.height();
        int channels = image.channels();
        boolean swaps = orientation >= 5; // 5–8 turn by a quarter, exchanging width and height
        int outW = swaps ? h : w;
        int outH = swaps ? w : h;
        byte[] in = image.pixels();
        byte[] out = new byte[in.length];
        int o = 0;
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int source = sourceIndex(orientation, x, y, w, h) * channels;
                for (int c = 0; c < channels; c++) out[o++] = in[source + c];
            }
        }
        return new DecodedImage(outW, outH, channels, out);
    }

    /** The stored pixel (as an index into the stored image) that lands at upright position (x, y). */
    private static int sourceIndex(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 2 -> y * w + (w - 1 - x);                 // mirrored left–right
            case 3 -> (h - 1 - y) * w + (w - 1 - x);       // turned 180°
            case 4 -> (h - 1 - y) * w + x;                 // mirrored top–bottom
            case 5 -> x * w + y;                           // transposed
            case 6 -> (h - 1 - x) * w + y;                 // stored turned 90° anticlockwise: turn clockwise
            case 7 -> (h - 1 - x) * w + (w - 1 - y);       // transversed
            case 8 -> x * w + (w - 1 - y);                 // stored turned 90° clockwise: turn anticlockwise
            default -> throw new IllegalArgumentException("orientation " + orientation);
        };
    }

    private static int fromJpeg(byte[] jpeg) {
        for (JpegSegments.Segment s : JpegSegments.read(jpeg))
            if (s.marker() == JpegSegments.APP1 && s.payloadStartsWith(jpeg, JPEG_EXIF_PREFIX))
                return fromTiff(jpeg, s.start() + JPEG_EXIF_PREFIX.length, s.end());
        return AS_STORED;
    }

    /** Walks the PNG chunks for {@code eXIf}, which holds a TIFF structure (some writers prefix "Exif\0\0"). */
    private static int fromPng(byte[] png) {
        int pos = 8; // after the signature
        while (pos + 8 <= png.length) {
            long length = bigEndian(png, pos, 4);
            int data = pos + 8;
            if (length > png.length - data) break;
            if (isTag(png, pos + 4, "eXIf")) return fromExifPayload(png, data, data + (int) length);
            if (isTag(png, pos + 4, "IEND")) break;
            pos = data + (int) length + 4; // data, then CRC
        }
        return AS_STORED;
    }

    /** Walks the RIFF chunks of a WebP for {@code EXIF}. */
    private static int fromWebp(byte[] webp) {
        int pos = 12; // after "RIFF", size, "WEBP"
        while (pos + 8 <= webp.length) {
            long length = littleEndian(webp, pos + 4, 4);
            int data = pos + 8;
            if (length > webp.length - data) break;
            if (isTag(webp, pos, "EXIF")) return fromExifPayload(webp, data, data + (int) length);
            pos = data + (int) length + (int) (length & 1); // chunks are padded to even length
        }
        return AS_STORED;
    }

    private static int fromExifPayload(byte[] b, int start, int end) {
        boolean prefixed = end - start >= JPEG_EXIF_PREFIX.length
                && Arrays.equals(b, start, start + JPEG_EXIF_PREFIX.length, JPEG_EXIF_PREFIX, 0, JPEG_EXIF_PREFIX.length);
        return fromTiff(b, prefixed ? start + JPEG_EXIF_PREFIX.length : start, end);
    }

    /** Reads tag 0x0112 from the first IFD of the TIFF structure in {@code b[start, end)}. */
    private static int fromTiff(byte[] b, int start, int end) {
        if (end - start < 8) return AS_STORED;
        boolean little;
        if (isTag(b, start, "II")) little = true;
        else if (isTag(b, start, "MM")) little = false;
        else return AS_STORED;
        long ifd = read(b, start + 4, 4, little);
        if (ifd < 8 || ifd > end - start - 2) return AS_STORED;
        int entries = start + (int) ifd;
        int count = (int) read(b, entries, 2, little);
        for (int i = 0; i < count; i++) {
            int entry = entries + 2 + 12 * i;
            if (entry + 12 > end) break;
            if (read(b, entry, 2, little) == ORIENTATION_TAG && read(b, entry + 2, 2, little) == TYPE_SHORT) {
                int value = (int) read(b, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        }
        return AS_STORED;
    }

    private static boolean isTag(byte[] b, int pos, String ascii) {
        if (pos + ascii.length() > b.length) return false;
        for (int i = 0; i < ascii.length(); i++) if (b[pos + i] != ascii.charAt(i)) return false;
        return true;
    }

    private static long read(byte[] b, int pos, int bytes, boolean little) {
        return little ? littleEndian(b, pos, bytes) : bigEndian(b, pos, bytes);
    }

    private static long littleEndian(byte[] b, int pos, int bytes) {
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) value = value << 8 | (b[pos + i] & 0xff);
        return value;
    }

    private static long bigEndian(byte[] b, int pos, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) value = value << 8 | (b[pos + i] & 0xff);
        return value;
    }
}
