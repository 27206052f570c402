package uk.co.healthwatchportsmouth.charter.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.Test;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;
import uk.co.healthwatchportsmouth.charter.support.testing.EndpointAccessWalk;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,info,prometheus",
				"management.endpoint.health.probes.enabled=true", "spring.kafka.bootstrap-servers=127.0.0.1:1",
				"spring.cloud.stream.kafka.binder.brokers=127.0.0.1:1" })
class BasicModeAccessTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	UserDetailsService users;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedInfrastructure.mongoUri("security"));
		LocalUsers.register(registry);
	}

	@Test
	void withoutAUserTheAnswerIs401ProblemJsonWithABasicChallenge() throws Exception {
		HttpResponse<String> answer = get("/work/acting-staff", null, null);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"charter\"");
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("\"status\":401")
			.contains("\"title\":\"Unauthorized\"")
			.contains("\"detail\":");
	}

	@Test
	void signingInKeepsThePlainLocalPasswordsAsTheyAreSoNoRequestPaysForBcrypt() throws Exception {
		assertThat(get("/work/acting-staff", LocalUsers.JO, null).statusCode()).isEqualTo(200);
		assertThat(get("/work/acting-staff", LocalUsers.JO, null).statusCode()).isEqualTo(200);

		assertThat(this.users.loadUserByUsername("jo").getPassword()).as("not upgraded to bcrypt on sign-in")
			.isEqualTo("{noop}" + LocalUsers.JO.password());
	}

	@Test
	void aWrongPasswordIs401() throws Exception {
		HttpResponse<String> answer = get("/work/acting-staff", new LocalUsers.User("jo", "not-jo", Role.STAFF), null);

		assertThat(answer.statusCode()).isEqualTo(401);
	}

	@Test
	void theWrongRoleIs403ProblemJson() throws Exception {
		HttpResponse<String> answer = get("/work/acting-staff", LocalUsers.OPS, null);

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("\"status\":403").contains("\"title\":\"Forbidden\"");
	}

	@Test
	void theRightRoleGetsThroughAndManagerIncludesStaff() throws Exception {
		assertThat(get("/work/acting-staff", LocalUsers.JO, null).statusCode()).isEqualTo(200);
		assertThat(get("/work/acting-staff", LocalUsers.SAM, null).statusCode()).isEqualTo(200);
		assertThat(get("/reports/monthly", LocalUsers.SAM, null).statusCode()).isEqualTo(200);
		assertThat(get("/reports/monthly", LocalUsers.JO, null).statusCode()).isEqualTo(403);
	}

	@Test
	void healthIsPublicAndTheRestOfActuatorIsForOps() throws Exception {
		HttpResponse<String> liveness = get("/actuator/health/liveness", null, null);
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("UP");
		assertThat(get("/actuator/health", null, null).statusCode()).isNotIn(401, 403);

		assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", LocalUsers.SAM, null).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", LocalUsers.OPS, null).statusCode()).isEqualTo(200);
	}

	@Test
	void anEndpointNoRuleNamesIsDeniedToEveryone() throws Exception {
		assertThat(get("/forgotten", null, null).statusCode()).isEqualTo(401);
		for (LocalUsers.User user : LocalUsers.ALL) {
			assertThat(get("/forgotten", user, null).statusCode()).as(user.name()).isEqualTo(403);
		}
	}

	@Test
	void theActingStaffIsTheHeaderWhenGivenElseTheSignedInUser() throws Exception {
		assertThat(get("/work/acting-staff", LocalUsers.JO, null).body()).isEqualTo("jo");
		assertThat(get("/work/acting-staff", LocalUsers.SAM, null).body()).isEqualTo("sam");
		assertThat(get("/work/acting-staff", LocalUsers.JO, "lead").body()).isEqualTo("lead");
	}

	@Test
	void noSessionIsCreated() throws Exception {
		HttpResponse<String> answer = get("/work/acting-staff", LocalUsers.JO, null);

		assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void theEndpointWalkChecksEveryDocumentedEndpoint() throws Exception {
		EndpointAccessWalk walk = new EndpointAccessWalk("http://127.0.0.1:" + this.port);

		var walked = walk.assertAccess((endpoint) -> switch (endpoint.path()) {
			case "/work/acting-staff", "/work/items" -> Set.of(Role.STAFF, Role.MANAGER);
			case "/reports/monthly" -> Set.of(Role.MANAGER);
			default -> Set.of();
		});

		assertThat(walked).extracting(EndpointAccessWalk.Endpoint::toString)
			.contains("GET /work/acting-staff", "POST /work/items", "GET /reports/monthly", "GET /forgotten");
	}

	@Test
	void theEndpointWalkFailsWhenTheRulesDifferFromTheExpectation() {
		EndpointAccessWalk walk = new EndpointAccessWalk("http://127.0.0.1:" + this.port);

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> walk.assertAccess((endpoint) -> Set.of(Role.STAFF, Role.MANAGER)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("GET /reports/monthly as jo: 403, expected to be let through")
			.hasMessageContaining("GET /forgotten as sam: 403, expected to be let through");
	}

	private HttpResponse<String> get(String path, LocalUsers.User user, String staffHeader) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (user != null) {
			user.signIn(request);
		}
		if (staffHeader != null) {
			request.header(ActingStaff.HEADER, staffHeader);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
