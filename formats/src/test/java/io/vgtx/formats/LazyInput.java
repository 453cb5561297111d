package io.vgtx.formats;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** A document made as it is read, so a test can feed a reader far more than it could hold. */
public final class LazyInput extends InputStream {
    private final Iterator<String> parts;
    private byte[] current = new byte[0];
    private int position;

    private LazyInput(Iterator<String> parts) {
        this.parts = parts;
    }

    /** {@code head}, then {@code item(0) … item(count - 1)}, then {@code tail}. */
    public static InputStream of(String head, long count, LongFunction<String> item, String tail) {
        return new LazyInput(Stream.concat(Stream.of(head), Stream.concat(LongStream.range(0, count).mapToObj(item), Stream.of(tail))).iterator());
    }

    @Override
    public int read() {
        return available() > 0 || advance() ? current[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) return 0;
        if (available() == 0 && !advance()) return -1;
        int n = Math.min(length, available());
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    private boolean advance() {
        while (available() == 0) {
            if (!parts.hasNext()) return false;
            current = parts.next().getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }
}
