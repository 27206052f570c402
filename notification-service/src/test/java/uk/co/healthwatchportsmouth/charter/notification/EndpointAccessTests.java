package uk.co.healthwatchportsmouth.charter.notification;

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
 * Every documented endpoint of notification-service answers each local user as the
 * security design says: staff look up the directory and read notifications; changing the
 * directory and resending are manager-only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.stream.bindings.slaEvents-in-0.consumer.auto-startup=false",
				"spring.cloud.stream.bindings.contactEvents-in-0.consumer.auto-startup=false", "spring.mail.port=1" })
class EndpointAccessTests {

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.register(registry, "notification-access");
	}

	static Set<Role> allowed(Endpoint endpoint) {
		boolean read = endpoint.method().equals("GET");
		if (endpoint.path().startsWith("/staff") || endpoint.path().startsWith("/notifications")) {
			return read ? Set.of(Role.STAFF, Role.MANAGER) : Set.of(Role.MANAGER);
		}
		return Set.of();
	}

	@Test
	void everyEndpointLetsInExactlyTheRolesTheDesignNames() throws Exception {
		var walked = new EndpointAccessWalk("http://127.0.0.1:" + this.port).assertAccess(EndpointAccessTests::allowed);

		assertThat(walked).extracting(Endpoint::toString)
			.contains("GET /staff", "GET /staff/{id}", "POST /staff", "PUT /staff/{id}", "GET /notifications",
					"GET /notifications/{id}", "POST /notifications/{id}/resend");
	}

}
