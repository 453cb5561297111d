package io.vgtx.core.report;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class ReportStateTest {
    @Test
    void theWorkflowIsOneLineWithOneSideExitAtAssessment() {
        assertThat(ReportState.RECEIVED.next()).containsExactlyInAnyOrder(ReportState.ASSESSED, ReportState.NOT_ILLEGAL);
        assertThat(ReportState.ASSESSED.next()).containsExactly(ReportState.ROUTED);
        assertThat(ReportState.ROUTED.next()).containsExactly(ReportState.NOTICE_SENT);
        assertThat(ReportState.NOTICE_SENT.next()).containsExactly(ReportState.REMOVED);
        assertThat(ReportState.REMOVED.next()).containsExactly(ReportState.REMOVAL_CONFIRMED);
        assertThat(EnumSet.allOf(ReportState.class)).filteredOn(ReportState::isFinal)
                .containsExactlyInAnyOrder(ReportState.NOT_ILLEGAL, ReportState.REMOVAL_CONFIRMED);
    }

    @Test
    void noStateGoesBackOrSkipsAhead() {
        for (ReportState from : ReportState.values()) {
            for (ReportState to : ReportState.values()) {
                if (from.canBecome(to)) assertThat(to.ordinal()).as(from + " -> " + to).isGreaterThan(from.ordinal());
            }
        }
        assertThat(ReportState.ROUTED.canBecome(ReportState.REMOVED)).isFalse();
        assertThat(ReportState.ASSESSED.canBecome(ReportState.NOTICE_SENT)).isFalse();
    }

    @Test
    void eachTakedownStepMovesToTheStateOfItsName() {
        for (TakedownStep step : TakedownStep.values()) assertThat(step.state().name()).isEqualTo(step.name());
        assertThat(TakedownStep.parse(" removed ")).isEqualTo(TakedownStep.REMOVED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TakedownStep.parse("GONE")).hasMessageStartingWith("step: ");
    }
}
