package io.vgtx.formats;

/**
 * Input that does not follow its format. The message says where ("line 17", "record 3") and what is
 * wrong, in one line, and never quotes more of the input than the offending value.
 */
public final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String location;

    public FormatException(String location, String problem) {
        super(location + ": " + problem, null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
