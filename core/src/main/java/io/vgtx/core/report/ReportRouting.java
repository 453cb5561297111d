package io.vgtx.core.report;

import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who receives an illegal report, from the organisations of the node as they are now. A pure function, so the
 * rule can be tested on its own:
 * <ul>
 *   <li>every ACTIVE law-enforcement organisation whose jurisdictions include the hosting country;</li>
 *   <li>every ACTIVE hotline for the hosting country: its jurisdictions include it, or it declares none and is
 *       based there;</li>
 *   <li>when no such law-enforcement organisation exists, the node's fallback organisation (e.g. INTERPOL), if one
 *       is configured and ACTIVE.</li>
 * </ul>
 * The reporting organisation never receives its own report. A report is routed when someone receives it, or when
 * the reporter itself is law enforcement for the hosting country (it holds the report already). Otherwise there is
 * no route, and the plan says why. Only ACTIVE organisations are routed to: a suspended one misses reports made
 * while it is suspended (routing again once it is reinstated reaches it).
 */
public final class ReportRouting {
    private ReportRouting() {}

    /** A receiver and why it receives the report. */
    public record Receiver(Organisation organisation, Route.Reason reason) {
        public Receiver {
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param routed    whether the report counts as routed
     * @param receivers who receives it (never the reporter), by reason then name
     * @param note      why it is not routed, or routed only in part; empty when the jurisdiction is simply held
     */
    public record Plan(boolean routed, List<Receiver> receivers, Optional<String> note) {
        public Plan {
            receivers = List.copyOf(receivers);
            Objects.requireNonNull(note, "note");
        }
    }

    public static Plan plan(List<Organisation> organisations, String hostingCountry, long reporterId, Optional<String> fallbackName) {
        List<Organisation> police = organisations.stream()
                .filter(o -> o.isActive() && o.isLawEnforcement() && o.jurisdictions().contains(hostingCountry)).toList();
        List<Organisation> hotlines = organisations.stream()
                .filter(o -> o.isActive() && o.kind() == OrganisationKind.HOTLINE && covers(o, hostingCountry)).toList();
        List<Receiver> receivers = new ArrayList<>();
        boolean reporterHolds = false;
        for (Organisation o : police) {
            if (o.id() == reporterId) reporterHolds = true;
            else receivers.add(new Receiver(o, Route.Reason.JURISDICTION));
        }
        Optional<String> note = Optional.empty();
        if (police.isEmpty()) {
            Optional<Organisation> fallback = fallbackName.flatMap(name -> organisations.stream().filter(o -> o.name().equals(name)).findFirst());
            String noPolice = "no ACTIVE law-enforcement organisation holds jurisdiction for " + hostingCountry;
            if (fallback.isPresent() && fallback.get().isActive()) {
                if (fallback.get().id() == reporterId) reporterHolds = true;
                else receivers.add(new Receiver(fallback.get(), Route.Reason.FALLBACK));
                note = Optional.of(noPolice + ": routed to the fallback organisation '" + fallback.get().name() + "'");
            } else if (fallbackName.isPresent()) {
                note = Optional.of(noPolice + ", and the fallback organisation '" + fallbackName.get() + "' is not an ACTIVE organisation of this node");
            } else {
                note = Optional.of(noPolice + ", and no fallback organisation is configured (vgtx serve --report-fallback NAME)");
            }
        }
        for (Organisation o : hotlines) {
            if (o.id() != reporterId && receivers.stream().noneMatch(r -> r.organisation().id() == o.id()))
                receivers.add(new Receiver(o, Route.Reason.HOTLINE));
        }
        receivers.sort(Comparator.comparing(Receiver::reason).thenComparing(r -> r.organisation().name()));
        boolean routed = reporterHolds || !receivers.isEmpty();
        if (!routed) return new Plan(false, List.of(), note.map(n -> "no route: " + n));
        boolean lawEnforcementReached = reporterHolds || receivers.stream().anyMatch(r -> r.reason() != Route.Reason.HOTLINE);
        if (!lawEnforcementReached) note = note.map(n -> n + ": routed to the hotline only");
        return new Plan(true, receivers, note);
    }

    private static boolean covers(Organisation hotline, String country) {
        return hotline.jurisdictions().isEmpty() ? hotline.country().equals(country) : hotline.jurisdictions().contains(country);
    }
}
