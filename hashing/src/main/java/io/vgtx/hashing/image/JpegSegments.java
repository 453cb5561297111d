package io.vgtx.hashing.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The marker segments of a JPEG before its first scan, where the metadata (EXIF, ICC profile) and the frame
 * header live. Reading stops quietly at the first scan or at anything malformed: callers treat what is missing
 * as absent, and the decoder itself reports corrupt data.
 */
final class JpegSegments {
    static final int APP1 = 0xe1;
    static final int APP2 = 0xe2;
    private static final int SOS = 0xda;
    private static final int EOI = 0xd9;
    private static final byte[] ICC_SIGNATURE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    /** One segment: its marker (the byte after 0xFF) and where its payload (after the length field) lies. */
    record Segment(int marker, int start, int length) {
        int end() {
            return start + length;
        }

        boolean payloadStartsWith(byte[] jpeg, byte[] prefix) {
            return length >= prefix.length && Arrays.equals(jpeg, start, start + prefix.length, prefix, 0, prefix.length);
        }

        /** Start of frame (SOF0–SOF15, leaving out DHT, JPG and DAC, which share the range). */
        boolean isFrameHeader() {
            return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        }
    }

    private JpegSegments() {}

    static List<Segment> read(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        int pos = 2; // after SOI
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xff) {
            int marker = jpeg[pos + 1] & 0xff;
            if (marker == 0xff) { // fill byte before a marker
                pos++;
                continue;
            }
            if (marker == SOS || marker == EOI) break;
            int length = (jpeg[pos + 2] & 0xff) << 8 | (jpeg[pos + 3] & 0xff);
            if (length < 2 || pos + 2 + length > jpeg.length) break;
            segments.add(new Segment(marker, pos + 4, length - 2));
            pos += 2 + length;
        }
        return segments;
    }

    /**
     * Whether no end-of-image marker follows the first scan: the data was cut short, and libjpeg fills the rows it
     * could not read with grey. Looks from the end, so it is quick for whole files.
     */
    static boolean isTruncated(byte[] jpeg) {
        List<Segment> segments = read(jpeg);
        int firstScan = segments.isEmpty() ? 2 : segments.getLast().end();
        for (int i = jpeg.length - 2; i >= firstScan; i--)
            if (jpeg[i] == (byte) 0xff && jpeg[i + 1] == (byte) EOI) return false;
        return true;
    }

    /** Colour components in the frame header (1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK), or 0 if none is found. */
    static int components(byte[] jpeg) {
        for (Segment s : read(jpeg))
            if (s.isFrameHeader() && s.length() >= 6) return jpeg[s.start() + 5] & 0xff;
        return 0;
    }

    /**
     * The JPEG without its embedded ICC profile, or {@code jpeg} itself if it has none. ImageIO readers convert
     * from an embedded profile to sRGB, which libjpeg, ImageMagick and the PDQ references never do.
     */
    static byte[] withoutIccProfile(byte[] jpeg) {
        List<Segment> icc = read(jpeg).stream()
                .filter(s -> s.marker() == APP2 && s.payloadStartsWith(jpeg, ICC_SIGNATURE))
                .toList();
        if (icc.isEmpty()) return jpeg;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        int copied = 0;
        for (Segment s : icc) {
            int segmentStart = s.start() - 4; // marker and length field
            out.write(jpeg, copied, segmentStart - copied);
            copied = s.end();
        }
        out.write(jpeg, copied, jpeg.length - copied);
        return out.toByteArray();
    }
}
