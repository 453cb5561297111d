package io.vgtx.hashing.image;

/**
 * The image formats VGT Exchange decodes, recognised from their leading bytes: a file's name or extension
 * is never trusted, so a PNG named {@code .jpg} decodes as the PNG it is.
 */
public enum ImageFormat {
    JPEG("JPEG"),
    PNG("PNG"),
    GIF("GIF"),
    BMP("BMP"),
    TIFF("TIFF"),
    WEBP("WebP");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String displayName;

    ImageFormat(String displayName) {
        this.displayName = displayName;
    }

    /** The name people know the format by, for messages ("WebP", not "WEBP"). */
    public String displayName() {
        return displayName;
    }

    /** The format whose signature {@code encoded} starts with. */
    public static ImageFormat sniff(byte[] encoded) throws ImageDecodeException {
        if (encoded.length == 0) throw new ImageDecodeException("empty file");
        if (startsWith(encoded, 0, 0xff, 0xd8, 0xff)) return JPEG;
        if (startsWith(encoded, 0, PNG_SIGNATURE)) return PNG;
        if (startsWith(encoded, 0, "GIF87a") || startsWith(encoded, 0, "GIF89a")) return GIF;
        if (startsWith(encoded, 0, "RIFF") && startsWith(encoded, 8, "WEBP")) return WEBP;
        if (isTiff(encoded)) return TIFF;
        if (startsWith(encoded, 0, "BM")) return BMP;
        throw new ImageDecodeException("unsupported or unrecognised image format");
    }

    /** Classic TIFF (42) or BigTIFF (43), in either byte order. */
    private static boolean isTiff(byte[] b) {
        return startsWith(b, 0, 'I', 'I') && (startsWith(b, 2, 42, 0) || startsWith(b, 2, 43, 0))
                || startsWith(b, 0, 'M', 'M') && (startsWith(b, 2, 0, 42) || startsWith(b, 2, 0, 43));
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        return startsWith(b, offset, ascii.chars().toArray());
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[offset + i] != prefix[i]) return false;
        return true;
    }

    private static boolean startsWith(byte[] b, int offset, int... prefix) {
        if (b.length < offset + prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[offset + i] & 0xff) != prefix[i]) return false;
        return true;
    }
}
