package io.vgtx.core.org;

/** What sort of body an organisation is. Law-enforcement organisations are members; the rest partners. */
public enum OrganisationKind {
    LAW_ENFORCEMENT, HOTLINE, NGO, INDUSTRY;

    /** AMBER entries are for law enforcement only. */
    public boolean isLawEnforcement() {
        return this == LAW_ENFORCEMENT;
    }
}
