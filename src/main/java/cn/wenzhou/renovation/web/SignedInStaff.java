package cn.wenzhou.renovation.web;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in on an admin request, as versions and the audit record it. */
public final class SignedInStaff {

    private SignedInStaff() {}

    public static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "(unknown)" : authentication.getName();
    }
}
