package io.vgtx.core.casework;

/** What touched a hash or series: a case linking it, a match query finding it, a hotline report naming it. */
public enum Origin {
    CASE, MATCH, REPORT
}
