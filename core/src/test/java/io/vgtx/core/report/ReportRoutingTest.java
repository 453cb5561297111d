package io.vgtx.core.report;

import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The routing rule on its own: who receives a report hosted in a country, from the organisations as they are. */
class ReportRoutingTest {
    private static long ids;

    private static Organisation org(String name, OrganisationKind kind, String country, MembershipState state, String... jurisdictions) {
        return new Organisation(++ids, name, kind, country, Optional.empty(), List.of(jurisdictions), state, Instant.EPOCH, Optional.empty(), false);
    }

    private final Organisation hotlineDe = org("DE Hotline", OrganisationKind.HOTLINE, "DE", MembershipState.ACTIVE);
    private final Organisation policeNl = org("NL Police", OrganisationKind.LAW_ENFORCEMENT, "NL", MembershipState.ACTIVE, "NL");
    private final Organisation customsNl = org("NL Customs", OrganisationKind.LAW_ENFORCEMENT, "NL", MembershipState.ACTIVE, "BQ", "NL");
    private final Organisation hotlineNl = org("NL Hotline", OrganisationKind.HOTLINE, "NL", MembershipState.ACTIVE);
    private final Organisation hotlineAw = org("Caribbean Hotline", OrganisationKind.HOTLINE, "CW", MembershipState.ACTIVE, "AW", "CW");
    private final Organisation policeFr = org("FR Police", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.SUSPENDED, "FR");
    private final Organisation hotlineFr = org("FR Hotline", OrganisationKind.HOTLINE, "FR", MembershipState.WITHDRAWN);
    private final Organisation ngoNl = org("NL NGO", OrganisationKind.NGO, "NL", MembershipState.ACTIVE, "NL");
    private final Organisation industryNl = org("NL Host", OrganisationKind.INDUSTRY, "NL", MembershipState.ACTIVE, "NL");
    private final Organisation interpol = org("INTERPOL", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.ACTIVE);
    private final List<Organisation> all = List.of(hotlineDe, policeNl, customsNl, hotlineNl, hotlineAw, policeFr, hotlineFr, ngoNl,
            industryNl, interpol);

    @Test
    void everyActivePoliceWithTheJurisdictionAndTheCountrysHotlineReceiveItButNoNgoOrIndustry() {
        ReportRouting.Plan plan = ReportRouting.plan(all, "NL", hotlineDe.id(), Optional.of("INTERPOL"));
        assertThat(plan.routed()).isTrue();
        assertThat(plan.receivers()).extracting(r -> r.organisation().name(), ReportRouting.Receiver::reason).containsExactly(
                tuple("NL Customs", Route.Reason.JURISDICTION), tuple("NL Police", Route.Reason.JURISDICTION), tuple("NL Hotline", Route.Reason.HOTLINE));
        assertThat(plan.note()).isEmpty();
    }

    @Test
    void aHotlineWithJurisdictionsCoversThoseCountriesAndNotItsOwnByDefault() {
        assertThat(ReportRouting.plan(all, "AW", hotlineDe.id(), Optional.empty()).receivers()).extracting(r -> r.organisation().name())
                .containsExactly("Caribbean Hotline");
        assertThat(ReportRouting.plan(all, "BQ", hotlineDe.id(), Optional.empty()).receivers()).extracting(r -> r.organisation().name())
                .containsExactly("NL Customs");
    }

    @Test
    void suspendedOrWithdrawnOrganisationsAreNotRoutedToAndTheFallbackStandsInForMissingPolice() {
        ReportRouting.Plan plan = ReportRouting.plan(all, "FR", hotlineDe.id(), Optional.of("INTERPOL"));
        assertThat(plan.receivers()).extracting(r -> r.organisation().name(), ReportRouting.Receiver::reason)
                .containsExactly(tuple("INTERPOL", Route.Reason.FALLBACK));
        assertThat(plan.note()).hasValue("no ACTIVE law-enforcement organisation holds jurisdiction for FR: routed to the fallback organisation 'INTERPOL'");
    }

    @Test
    void withoutPoliceOrFallbackThereIsNoRouteAndTheNoteSaysWhy() {
        ReportRouting.Plan plan = ReportRouting.plan(all, "FR", hotlineDe.id(), Optional.empty());
        assertThat(plan.routed()).isFalse();
        assertThat(plan.receivers()).isEmpty();
        assertThat(plan.note()).hasValue("no route: no ACTIVE law-enforcement organisation holds jurisdiction for FR, "
                + "and no fallback organisation is configured (vgtx serve --report-fallback NAME)");
        assertThat(ReportRouting.plan(all, "FR", hotlineDe.id(), Optional.of("Europol")).note().orElseThrow())
                .endsWith("the fallback organisation 'Europol' is not an ACTIVE organisation of this node");
    }

    @Test
    void aHotlineAloneIsARouteButTheNoteSaysNoPoliceWasReached() {
        ReportRouting.Plan plan = ReportRouting.plan(all, "CW", hotlineDe.id(), Optional.empty());
        assertThat(plan.routed()).isTrue();
        assertThat(plan.receivers()).extracting(r -> r.organisation().name()).containsExactly("Caribbean Hotline");
        assertThat(plan.note().orElseThrow()).endsWith("routed to the hotline only");
    }

    @Test
    void theReporterNeverReceivesItsOwnReportButPoliceReportingInItsOwnJurisdictionHoldIt() {
        ReportRouting.Plan byHotline = ReportRouting.plan(all, "NL", hotlineNl.id(), Optional.empty());
        assertThat(byHotline.receivers()).extracting(r -> r.organisation().name()).containsExactly("NL Customs", "NL Police");

        Organisation policeIt = org("IT Police", OrganisationKind.LAW_ENFORCEMENT, "IT", MembershipState.ACTIVE, "IT");
        ReportRouting.Plan byPolice = ReportRouting.plan(List.of(policeIt, interpol), "IT", policeIt.id(), Optional.of("INTERPOL"));
        assertThat(byPolice.routed()).isTrue();
        assertThat(byPolice.receivers()).isEmpty();
        assertThat(byPolice.note()).isEmpty();
    }
}
