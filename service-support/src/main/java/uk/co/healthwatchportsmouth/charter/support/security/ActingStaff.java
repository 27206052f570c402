package uk.co.healthwatchportsmouth.charter.support.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who acts, for audit trails and events: the {@code X-Staff-Id} header when a client
 * still sends it (kept for compatibility), else the signed-in user's name.
 */
public final class ActingStaff {

	public static final String HEADER = "X-Staff-Id";

	private ActingStaff() {
	}

	/** The header's value if given, else the authenticated user's name, else null. */
	public static @Nullable String id(@Nullable String header) {
		if (header != null) {
			return header;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

}
