package io.vgtx.core.org;

/**
 * How many approvals admit an applicant, given how many organisations may vote. The voters are the
 * ACTIVE organisations that hold at least one live (not revoked, not expired) BOARD token.
 */
public sealed interface QuorumRule {

    /** The default: more than half of the voters. */
    static QuorumRule majorityOfBoard() {
        return new MajorityOfBoard();
    }

    /** A fixed number of approvals, however large the board. */
    static QuorumRule fixed(int approvals) {
        return new Fixed(approvals);
    }

    /** Approvals needed when {@code voters} organisations may vote; at least 1. */
    int required(int voters);

    record MajorityOfBoard() implements QuorumRule {
        @Override
        public int required(int voters) {
            return voters / 2 + 1;
        }
    }

    record Fixed(int approvals) implements QuorumRule {
        public Fixed {
            if (approvals < 1) throw new IllegalArgumentException("a quorum needs at least 1 approval, not " + approvals);
        }

        @Override
        public int required(int voters) {
            return approvals;
        }
    }
}
