package io.vgtx.cli.hash;

import io.vgtx.hashing.content.HashOutcome;

import java.io.IOException;

/** Writes the outcome of hashing each file in one of the output formats of {@code vgtx hash}. */
interface HashWriter extends AutoCloseable {
    void write(HashOutcome outcome) throws IOException;

    @Override
    void close() throws IOException;
}
