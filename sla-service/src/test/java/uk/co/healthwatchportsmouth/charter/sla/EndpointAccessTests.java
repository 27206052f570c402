package uk.co.healthwatchportsmouth.charter.sla;

import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.support.security.Role;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.EndpointAccessWalk;
import uk.co.healthwatchportsmouth.charter.support.testing.EndpointAccessWalk.Endpoint;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented endpoint of sla-service answers each local user as the security design
 * says: staff read clocks and deadline previews, managers also the compliance report,
 * admin (the local profile's virtual clock and calendar reload) is for OPS and managers.
 * Runs with the local profile so the admin endpoints exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
// one service per consumer group at a time: a cached context would take some partitions
@DirtiesContext
class EndpointAccessTests {

	private static final Set<Role> STAFF_WORK = Set.of(Role.STAFF, Role.MANAGER);

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "sla-access");
	}

	static Set<Role> allowed(Endpoint endpoint) {
		String path = endpoint.path();
		if (path.startsWith("/admin/")) {
			return Set.of(Role.OPS, Role.MANAGER);
		}
		if (endpoint.method().equals("GET") && path.equals("/compliance")) {
			return Set.of(Role.MANAGER);
		}
		if (endpoint.method().equals("GET") && (path.startsWith("/clocks") || path.startsWith("/deadlines/"))) {
			return STAFF_WORK;
		}
		return Set.of();
	}

	@Test
	void everyEndpointLetsInExactlyTheRolesTheDesignNames() throws Exception {
		var walked = new EndpointAccessWalk("http://127.0.0.1:" + this.port).assertAccess(EndpointAccessTests::allowed);

		assertThat(walked).extracting(Endpoint::toString)
			.contains("GET /clocks", "GET /clocks/{id}", "GET /deadlines/preview", "GET /compliance",
					"GET /admin/clock", "POST /admin/clock/advance", "POST /admin/calendar/reload");
	}

}
