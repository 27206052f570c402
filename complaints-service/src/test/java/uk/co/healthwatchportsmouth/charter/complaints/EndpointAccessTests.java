package uk.co.healthwatchportsmouth.charter.complaints;

import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.support.security.Role;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.EndpointAccessWalk;
import uk.co.healthwatchportsmouth.charter.support.testing.EndpointAccessWalk.Endpoint;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented endpoint of complaints-service answers each local user as the security
 * design says: staff work complaints, the summary report is for managers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndpointAccessTests {

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "complaints-access");
	}

	static Set<Role> allowed(Endpoint endpoint) {
		if (endpoint.path().equals("/complaints/summary")) {
			return Set.of(Role.MANAGER);
		}
		if (endpoint.path().startsWith("/complaints")) {
			return Set.of(Role.STAFF, Role.MANAGER);
		}
		return Set.of();
	}

	@Test
	void everyEndpointLetsInExactlyTheRolesTheDesignNames() throws Exception {
		var walked = new EndpointAccessWalk("http://127.0.0.1:" + this.port).assertAccess(EndpointAccessTests::allowed);

		assertThat(walked).extracting(Endpoint::toString)
			.contains("POST /complaints", "GET /complaints/{id}", "POST /complaints/{id}/closure",
					"GET /complaints/summary");
	}

}
