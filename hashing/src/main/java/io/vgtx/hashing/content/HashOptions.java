package io.vgtx.hashing.content;

import io.vgtx.hashing.image.DecodeOptions;

/**
 * What to compute for each file.
 *
 * @param dihedral      also derive the seven other dihedral PDQ hashes
 * @param fast          trade fidelity for speed: JPEG decoded at a fraction of its size in the DCT domain and
 *                      large images pre-resized, as the reference C++ tool does (hashes then differ from
 *                      the canonical ones by a few bits; see the README)
 * @param decode        pixel limit and EXIF handling for the decoder
 * @param maxImageBytes files larger than this are digested but not decoded, so memory stays bounded
 */
public record HashOptions(boolean dihedral, boolean fast, DecodeOptions decode, long maxImageBytes) {
    public static final long DEFAULT_MAX_IMAGE_BYTES = 256L << 20;

    public HashOptions {
        if (maxImageBytes < 1 || maxImageBytes > Integer.MAX_VALUE - 16)
            throw new IllegalArgumentException("maxImageBytes must be between 1 and 2 GiB");
    }

    public static HashOptions canonical() {
        return new HashOptions(false, false, DecodeOptions.canonical(), DEFAULT_MAX_IMAGE_BYTES);
    }

    public HashOptions withDihedral(boolean on) {
        return new HashOptions(on, fast, decode, maxImageBytes);
    }

    public HashOptions withFast(boolean on) {
        return new HashOptions(dihedral, on, decode, maxImageBytes);
    }

    public HashOptions withDecode(DecodeOptions options) {
        return new HashOptions(dihedral, fast, options, maxImageBytes);
    }
}
