package io.vgtx.core.bank;

/** Another organisation's view of an entry: disputes are how false positives die. */
public enum Verdict {
    CONFIRM,
    DISPUTE
}
