package io.vgtx.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The paced client's schedule: fixed times whatever the latency, and no warm-up backlog charged to the recording. */
class MatchLoadScheduleTest {
    private static final long PERIOD = 10;

    @Test
    void requestsAreDueAFixedPeriodApartEvenWhenAnswersAreLate() {
        MatchLoad.Schedule schedule = new MatchLoad.Schedule(100, PERIOD);
        assertThat(schedule.next(100, true)).isEqualTo(100);
        // The answer took 35: the next requests are already due, and their latency counts from then.
        assertThat(schedule.next(135, true)).isEqualTo(110);
        assertThat(schedule.next(136, true)).isEqualTo(120);
        assertThat(schedule.next(137, true)).isEqualTo(130);
        assertThat(schedule.next(138, true)).isEqualTo(140);
    }

    @Test
    void aBacklogFromTheWarmUpIsDroppedWhenRecordingStarts() {
        MatchLoad.Schedule schedule = new MatchLoad.Schedule(0, PERIOD);
        assertThat(schedule.next(0, false)).isZero();
        assertThat(schedule.next(3_000, false)).isEqualTo(10); // a cold node: three seconds behind
        assertThat(schedule.next(3_001, true)).isEqualTo(3_001);
        assertThat(schedule.next(3_002, true)).isEqualTo(3_011);
    }

    @Test
    void aBacklogFormedWhileRecordingIsCharged() {
        MatchLoad.Schedule schedule = new MatchLoad.Schedule(0, PERIOD);
        assertThat(schedule.next(0, true)).isZero();
        assertThat(schedule.next(500, true)).isEqualTo(10);
        assertThat(schedule.next(501, true)).isEqualTo(20);
    }

    @Test
    void aClientAheadOfScheduleWhenRecordingStartsKeepsItsSchedule() {
        MatchLoad.Schedule schedule = new MatchLoad.Schedule(0, PERIOD);
        assertThat(schedule.next(0, false)).isZero();
        assertThat(schedule.next(2, true)).isEqualTo(10);
        assertThat(schedule.next(11, true)).isEqualTo(20);
    }
}
