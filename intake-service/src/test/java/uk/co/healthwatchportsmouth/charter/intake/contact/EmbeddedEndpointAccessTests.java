package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.support.security.Role;
import uk.co.healthwatchportsmouth.charter.support.testing.EndpointAccessWalk;
import uk.co.healthwatchportsmouth.charter.support.testing.EndpointAccessWalk.Endpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented endpoint of intake-service answers each local user as the security
 * design says: staff work contacts and the answerphone, managers also reports and
 * erasure, OPS none of it. Runs in the scenarios' shared context.
 */
class EmbeddedEndpointAccessTests extends IntakeScenario implements OnEmbeddedInfrastructure {

	private static final Set<Role> STAFF_WORK = Set.of(Role.STAFF, Role.MANAGER);

	private static final Set<Role> MANAGER_ONLY = Set.of(Role.MANAGER);

	static Set<Role> allowed(Endpoint endpoint) {
		if (endpoint.path().startsWith("/reports/")
				|| endpoint.method().equals("DELETE") && endpoint.path().startsWith("/customers/")) {
			return MANAGER_ONLY;
		}
		if (endpoint.path().startsWith("/contacts") || endpoint.path().startsWith("/answerphone/")) {
			return STAFF_WORK;
		}
		return Set.of();
	}

	@Test
	void everyEndpointLetsInExactlyTheRolesTheDesignNames() throws Exception {
		var walked = new EndpointAccessWalk("http://127.0.0.1:" + this.port)
			.assertAccess(EmbeddedEndpointAccessTests::allowed);

		assertThat(walked).extracting(Endpoint::toString)
			.contains("POST /contacts", "GET /contacts/{id}", "POST /answerphone/checks", "GET /reports/feedback",
					"DELETE /customers/{customerId}/personal-data");
	}

}
