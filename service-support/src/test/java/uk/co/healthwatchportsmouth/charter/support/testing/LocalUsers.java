package uk.co.healthwatchportsmouth.charter.support.testing;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import uk.co.healthwatchportsmouth.charter.support.security.Role;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The users of the local profile (README "Local users and staff"), for tests: services
 * under test run in basic mode with exactly these users, and test clients sign in as
 * them.
 */
public final class LocalUsers {

	/** Staff: works contacts and complaints. */
	public static final User JO = new User("jo", "jo", Role.STAFF);

	/** Manager: reports, staff management, overrides, and everything staff do. */
	public static final User SAM = new User("sam", "sam", Role.MANAGER);

	/** Operations: actuator and admin. */
	public static final User OPS = new User("ops", "ops", Role.OPS);

	public static final List<User> ALL = List.of(JO, SAM, OPS);

	private LocalUsers() {
	}

	/** Runs a Spring context under test in basic mode with the local users. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("charter.security.mode", () -> "basic");
		for (User user : ALL) {
			registry.add("charter.security.users." + user.name() + ".password", user::password);
			registry.add("charter.security.users." + user.name() + ".roles", () -> user.role().name());
		}
	}

	/**
	 * The same, as command-line arguments for a service started with SpringApplication.
	 */
	public static List<String> commandLineArgs() {
		List<String> args = new java.util.ArrayList<>(List.of("--charter.security.mode=basic"));
		for (User user : ALL) {
			args.add("--charter.security.users." + user.name() + ".password=" + user.password());
			args.add("--charter.security.users." + user.name() + ".roles=" + user.role().name());
		}
		return args;
	}

	/** {@code args} followed by {@link #commandLineArgs()}. */
	public static String[] withLocalUsers(String... args) {
		List<String> all = new java.util.ArrayList<>(List.of(args));
		all.addAll(commandLineArgs());
		return all.toArray(String[]::new);
	}

	public record User(String name, String password, Role role) {

		/** The value of an {@code Authorization} header signing in as this user. */
		public String basicAuthorization() {
			return "Basic " + Base64.getEncoder()
				.encodeToString((this.name + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		}

		/** Signs the request in as this user. */
		public HttpRequest.Builder signIn(HttpRequest.Builder request) {
			return request.header("Authorization", basicAuthorization());
		}

		public boolean hasAnyOf(Set<Role> roles) {
			return roles.contains(this.role);
		}

	}

}
