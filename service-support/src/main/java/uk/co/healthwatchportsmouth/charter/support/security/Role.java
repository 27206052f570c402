package uk.co.healthwatchportsmouth.charter.support.security;

/**
 * What a user may do. MANAGER includes STAFF (the role hierarchy); OPS is separate: it
 * runs the platform and sees no customer work.
 */
public enum Role {

	/** Works contacts and complaints, reads clocks, queues and deadline previews. */
	STAFF,

	/** Everything STAFF does, plus reports, staff management and overrides. */
	MANAGER,

	/** Actuator (metrics, info) and the admin endpoints. */
	OPS;

	/** Every role, for the endpoints any signed-in user may use. */
	public static String[] all() {
		return java.util.Arrays.stream(values()).map(Role::name).toArray(String[]::new);
	}

}
