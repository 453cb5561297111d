package io.vgtx.core.org;

/**
 * The votes on an application, counting only organisations that may vote now.
 *
 * @param required approvals needed under the node's {@link QuorumRule}
 * @param state    the applicant's state after the votes were counted
 */
public record Tally(int approvals, int rejections, int voters, int required, MembershipState state) {

    /** Approval can no longer be reached: too few voters are left who have not rejected. */
    public boolean approvalImpossible() {
        return voters - rejections < required;
    }
}
