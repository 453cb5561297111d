package io.vgtx.core.org;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuorumRuleTest {
    @Test
    void majorityIsMoreThanHalfOfTheVoters() {
        QuorumRule majority = QuorumRule.majorityOfBoard();
        assertThat(majority.required(0)).isEqualTo(1);
        assertThat(majority.required(1)).isEqualTo(1);
        assertThat(majority.required(2)).isEqualTo(2);
        assertThat(majority.required(3)).isEqualTo(2);
        assertThat(majority.required(4)).isEqualTo(3);
        assertThat(majority.required(7)).isEqualTo(4);
    }

    @Test
    void aFixedQuorumIgnoresTheBoardSize() {
        assertThat(QuorumRule.fixed(3).required(1)).isEqualTo(3);
        assertThat(QuorumRule.fixed(3).required(10)).isEqualTo(3);
    }

    @Test
    void aFixedQuorumNeedsAtLeastOneApproval() {
        assertThatThrownBy(() -> QuorumRule.fixed(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void approvalIsImpossibleWhenTooFewVotersHaveNotRejected() {
        assertThat(new Tally(0, 1, 3, 2, MembershipState.APPLIED).approvalImpossible()).isFalse();
        assertThat(new Tally(0, 2, 3, 2, MembershipState.APPLIED).approvalImpossible()).isTrue();
    }
}
