package io.vgtx.hashing.pdq;

/** An image PDQ cannot hash meaningfully, e.g. one under 5 pixels on a side. */
public final class UnhashableImageException extends Exception {
    public UnhashableImageException(String reason) {
        super(reason, null, false, false);
    }
}
