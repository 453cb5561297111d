package io.vgtx.formats;

/**
 * How to read an input.
 *
 * @param ignoreUnknownColumns CSV only: pass over columns we do not know instead of refusing the file
 */
public record ReadOptions(boolean ignoreUnknownColumns) {
    public static final ReadOptions DEFAULT = new ReadOptions(false);
}
