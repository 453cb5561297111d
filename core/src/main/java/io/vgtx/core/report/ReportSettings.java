package io.vgtx.core.report;

import java.util.Objects;
import java.util.Optional;

/**
 * How a node routes reports.
 *
 * @param fallbackOrganisation the organisation (by name, e.g. INTERPOL) that receives an illegal report when no ACTIVE
 *                             law-enforcement organisation holds the hosting country's jurisdiction; resolved when a
 *                             report is routed, so it may join the node later. Empty: such a report stays ASSESSED
 *                             with a "no route" note until it is routed again.
 */
public record ReportSettings(Optional<String> fallbackOrganisation) {
    public ReportSettings {
        Objects.requireNonNull(fallbackOrganisation, "fallbackOrganisation");
        fallbackOrganisation = fallbackOrganisation.map(String::strip).filter(name -> !name.isEmpty());
    }

    public static ReportSettings none() {
        return new ReportSettings(Optional.empty());
    }

    public static ReportSettings fallback(String organisation) {
        return new ReportSettings(Optional.ofNullable(organisation));
    }
}
