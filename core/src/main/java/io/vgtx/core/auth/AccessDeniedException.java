package io.vgtx.core.auth;

/** The principal may not do this: its role, its organisation's state, or ownership says no. A server answers 403. */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }

    /** @throws AccessDeniedException unless {@code principal} {@link Principal#may may} do what {@code permission} covers */
    public static void require(Principal principal, Permission permission) {
        if (principal.may(permission)) return;
        if (!principal.isActive())
            throw new AccessDeniedException("organisation '" + principal.organisationName() + "' is " + principal.state() + ", not ACTIVE");
        throw new AccessDeniedException("a " + principal.role() + " token may not " + describe(permission));
    }

    private static String describe(Permission permission) {
        return switch (permission) {
            case READ_MEMBERSHIP -> "read the membership";
            case READ -> "read banks, entries or matches";
            case WRITE -> "write banks or entries";
            case MANAGE_ORGANISATION -> "manage its organisation";
            case VOTE -> "vote on applications";
            case NODE_ADMIN -> "administer the node";
        };
    }
}
