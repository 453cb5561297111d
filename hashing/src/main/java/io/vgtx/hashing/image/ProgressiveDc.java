package io.vgtx.hashing.image;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A progressive JPEG cut down to its DC scans. Decoding at 1/8 scale reads only each block's DC
 * coefficient, so this gives exactly the pixels of a 1/8 decode of the whole file, while skipping the AC
 * scans — most of the data, and most of the (unvectorised) progressive Huffman decoding. Used for
 * {@code --fast} only; the canonical hash always decodes everything.
 */
final class ProgressiveDc {
    private static final int SOF2 = 0xc2;
    private static final int SOS = 0xda;
    private static final int EOI = 0xd9;

    private ProgressiveDc() {}

    /** The file with only its DC scans (every segment other than an AC scan kept as it is), or empty if not progressive or not parsable. */
    static Optional<byte[]> scansWithDcOnly(byte[] jpeg) {
        if (!isProgressive(jpeg)) return Optional.empty();
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length / 4);
        out.write(jpeg, 0, 2); // SOI
        int pos = 2;
        while (pos + 1 < jpeg.length) {
            if ((jpeg[pos] & 0xff) != 0xff) return Optional.empty();
            int marker = jpeg[pos + 1] & 0xff;
            if (marker == 0xff) {
                pos++;
                continue;
            }
            if (marker == EOI) {
                out.write(jpeg, pos, 2);
                return Optional.of(out.toByteArray());
            }
            if (pos + 4 > jpeg.length) return Optional.empty();
            int segmentEnd = pos + 2 + ((jpeg[pos + 2] & 0xff) << 8 | (jpeg[pos + 3] & 0xff));
            if (segmentEnd > jpeg.length) return Optional.empty();
            int next = marker == SOS ? endOfEntropyData(jpeg, segmentEnd) : segmentEnd;
            if (marker != SOS || isDcScan(jpeg, pos)) out.write(jpeg, pos, next - pos);
            pos = next;
        }
        return Optional.empty();
    }

    private static boolean isProgressive(byte[] jpeg) {
        for (JpegSegments.Segment segment : JpegSegments.read(jpeg)) if (segment.marker() == SOF2) return true;
        return false;
    }

    /** A scan whose spectral selection starts at 0 carries DC coefficients (progressive scans never mix DC and AC). */
    private static boolean isDcScan(byte[] jpeg, int sosPos) {
        int components = jpeg[sosPos + 4] & 0xff;
        int spectralStart = sosPos + 5 + 2 * components;
        return spectralStart < jpeg.length && (jpeg[spectralStart] & 0xff) == 0;
    }

    /** Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker. */
    private static int endOfEntropyData(byte[] jpeg, int from) {
        for (int i = from; i + 1 < jpeg.length; i++) {
            if (jpeg[i] != (byte) 0xff) continue;
            int next = jpeg[i + 1] & 0xff;
            if (next != 0 && (next < 0xd0 || next > 0xd7) && next != 0xff) return i;
        }
        return jpeg.length;
    }
}
