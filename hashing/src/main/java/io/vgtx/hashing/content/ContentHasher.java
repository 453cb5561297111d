package io.vgtx.hashing.content;

import io.vgtx.hashing.digest.DigestCalculator;
import io.vgtx.hashing.digest.Digests;
import io.vgtx.hashing.image.DecodedImage;
import io.vgtx.hashing.image.ImageDecodeException;
import io.vgtx.hashing.image.ImageDecoders;
import io.vgtx.hashing.pdq.PdqHasher;
import io.vgtx.hashing.pdq.PdqResult;
import io.vgtx.hashing.pdq.UnhashableImageException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Hashes content read once: digests of the bytes, then decode and PDQ in memory. Nothing is written
 * anywhere; the bytes and pixels are garbage as soon as the call returns.
 *
 * <p>Thread-safe: each thread gets its own {@link PdqHasher} and buffers.
 */
public final class ContentHasher {
    private static final int CHUNK = 64 * 1024;
    /** The reference C++ tool resizes anything larger to this square before hashing. */
    private static final int FAST_RESIZE_DIM = 512;
    private static final int FAST_JPEG_SCALE = 8;

    private final ImageDecoders decoders;
    private final HashOptions options;
    private final ThreadLocal<PdqHasher> hashers = ThreadLocal.withInitial(PdqHasher::new);

    public ContentHasher(ImageDecoders decoders, HashOptions options) {
        this.decoders = decoders;
        this.options = options.fast() ? options.withDecode(options.decode().withJpegScale(FAST_JPEG_SCALE)) : options;
    }

    public HashOptions options() {
        return options;
    }

    /** Hashes a regular file; {@code label} is the path reported back. */
    public HashOutcome hashFile(Path file, String label) {
        try (InputStream in = Files.newInputStream(file)) {
            return hashStream(label, in);
        } catch (NoSuchFileException e) {
            return unreadable(label, "no such file");
        } catch (AccessDeniedException e) {
            return unreadable(label, "permission denied");
        } catch (IOException e) {
            return unreadable(label, "cannot read: " + e.getMessage());
        }
    }

    /** Hashes everything {@code in} yields (e.g. an archive member); does not close it. */
    public HashOutcome hashStream(String label, InputStream in) throws IOException {
        DigestCalculator digest = new DigestCalculator();
        BoundedBuffer buffer = new BoundedBuffer(options.maxImageBytes());
        byte[] chunk = new byte[CHUNK];
        long size = 0;
        for (int n; (n = in.read(chunk)) > 0; size += n) {
            digest.update(chunk, 0, n);
            buffer.write(chunk, n);
        }
        Digests digests = digest.finish();
        if (size == 0) return new HashOutcome.Failed(label, 0, Optional.of(digests), "empty file");
        if (buffer.overflowed())
            return new HashOutcome.Failed(label, size, Optional.of(digests), "file is " + size
                    + " bytes, over the " + options.maxImageBytes() + "-byte limit for decoding images");
        return hashImage(label, size, digests, buffer.bytes());
    }

    /** Decodes and PDQ-hashes bytes already read and digested. */
    private HashOutcome hashImage(String label, long size, Digests digests, byte[] encoded) {
        try {
            DecodedImage image = decoders.decode(encoded, options.decode());
            DecodedImage hashed = options.fast() ? FastResize.nearestSquare(image, FAST_RESIZE_DIM) : image;
            PdqHasher hasher = hashers.get();
            PdqResult pdq = options.dihedral() ? hasher.hashWithDihedral(hashed) : hasher.hash(hashed);
            return new HashOutcome.Hashed(label, size, digests, pdq, image.width(), image.height());
        } catch (ImageDecodeException | UnhashableImageException e) {
            return new HashOutcome.Failed(label, size, Optional.of(digests), e.getMessage());
        } catch (OutOfMemoryError e) {
            return new HashOutcome.Failed(label, size, Optional.of(digests), "not enough memory to decode this image; lower --max-pixels or raise the heap");
        }
    }

    private static HashOutcome unreadable(String label, String reason) {
        return new HashOutcome.Failed(label, -1, Optional.empty(), reason);
    }

    /** Collects bytes up to a limit, then only counts, so a huge file never fills the heap. */
    private static final class BoundedBuffer extends ByteArrayOutputStream {
        private final long limit;
        private boolean overflowed;

        BoundedBuffer(long limit) {
            super(CHUNK);
            this.limit = limit;
        }

        void write(byte[] chunk, int length) {
            if (overflowed) return;
            if (count + (long) length > limit) {
                overflowed = true;
                buf = new byte[0];
                count = 0;
                return;
            }
            write(chunk, 0, length);
        }

        boolean overflowed() {
            return overflowed;
        }

        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }
}
