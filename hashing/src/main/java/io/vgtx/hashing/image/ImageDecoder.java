package io.vgtx.hashing.image;

/** Turns the encoded bytes of one image into 8-bit RGB or grey pixels. */
public interface ImageDecoder {
    /** Short name shown by {@code vgtx --version}, e.g. "libjpeg-turbo (FFM)" or "ImageIO". */
    String name();

    /**
     * Decodes {@code encoded}. Checks the pixel count from the header against {@code options.maxPixels()}
     * before allocating any pixel buffer.
     */
    DecodedImage decode(byte[] encoded, DecodeOptions options) throws ImageDecodeException;
}
