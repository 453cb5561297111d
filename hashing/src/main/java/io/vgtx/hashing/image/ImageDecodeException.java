package io.vgtx.hashing.image;

/**
 * An image that cannot be decoded. The message is a short, human reason ("truncated JPEG data",
 * "100000x100000 pixels exceeds the limit of 100000000") and never contains image content.
 */
public final class ImageDecodeException extends Exception {
    public ImageDecodeException(String reason) {
        super(reason, null, false, false);
    }

    public ImageDecodeException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
