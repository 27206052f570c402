package uk.co.healthwatchportsmouth.charter.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * jwt mode, the default outside the local profile, with tokens signed by a key pair made
 * for this test (the decoder trusts its public key as it would trust an issuer's).
 */
@SpringBootTest(classes = { SecuredTestApplication.class, JwtModeAccessTests.Keys.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "charter.security.mode=jwt", "management.endpoints.web.exposure.include=health,prometheus",
				"spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.cloud.stream.kafka.binder.brokers=127.0.0.1:1" })
class JwtModeAccessTests {

	static final KeyPair KEYS = rsaKeyPair();

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final NimbusJwtEncoder issuer = new NimbusJwtEncoder(new ImmutableJWKSet<>(
			new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey((RSAPrivateKey) KEYS.getPrivate())
				.build())));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> EmbeddedInfrastructure.mongoUri("security-jwt"));
	}

	@Test
	void theRolesClaimMapsToRoles() throws Exception {
		assertThat(get("/work/acting-staff", token("jo", List.of("STAFF"))).statusCode()).isEqualTo(200);
		assertThat(get("/reports/monthly", token("jo", List.of("STAFF"))).statusCode()).isEqualTo(403);
		assertThat(get("/reports/monthly", token("sam", List.of("MANAGER"))).statusCode()).isEqualTo(200);
		assertThat(get("/work/acting-staff", token("sam", List.of("MANAGER"))).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", token("ops", List.of("OPS"))).statusCode()).isEqualTo(200);
		assertThat(get("/work/acting-staff", token("ops", List.of("OPS"))).statusCode()).isEqualTo(403);
	}

	@Test
	void aTokenWithoutRolesMayDoNothing() throws Exception {
		HttpResponse<String> answer = get("/work/acting-staff", token("jo", List.of()));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void theActingStaffIsThePreferredUsernameElseTheSubject() throws Exception {
		assertThat(get("/work/acting-staff", token("jo", List.of("STAFF"))).body()).isEqualTo("jo");

		String withoutUsername = this.issuer
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
					JwtClaimsSet.builder()
						.subject("user-42")
						.issuedAt(Instant.now())
						.expiresAt(Instant.now().plusSeconds(300))
						.claim("roles", List.of("STAFF"))
						.build()))
			.getTokenValue();
		assertThat(get("/work/acting-staff", withoutUsername).body()).isEqualTo("user-42");
	}

	@Test
	void noTokenOrAForgedOneIs401ProblemJsonWithABearerChallenge() throws Exception {
		HttpResponse<String> none = get("/work/acting-staff", null);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(none.body()).contains("\"status\":401");

		String token = token("jo", List.of("STAFF"));
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
		HttpResponse<String> answer = get("/work/acting-staff", forged);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void healthStaysPublic() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isNotIn(401, 403);
	}

	@Test
	void jwtModeWithoutAnIssuerRefusesToStart() {
		SpringApplicationBuilder service = new SpringApplicationBuilder(SecuredTestApplication.class).properties(
				"server.port=0", "spring.main.banner-mode=off", "spring.kafka.bootstrap-servers=127.0.0.1:1",
				"spring.cloud.stream.kafka.binder.brokers=127.0.0.1:1",
				"spring.mongodb.uri=" + EmbeddedInfrastructure.mongoUri("security-no-issuer"));

		assertThatThrownBy(() -> service.run().close()).hasStackTraceContaining(
				"charter.security.mode=jwt needs the token issuer: set spring.security.oauth2.resourceserver.jwt.issuer-uri");
	}

	private String token(String username, List<String> roles) {
		return this.issuer.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
				JwtClaimsSet.builder()
					.subject("subject-of-" + username)
					.claim("preferred_username", username)
					.claim("roles", roles)
					.issuedAt(Instant.now())
					.expiresAt(Instant.now().plusSeconds(300))
					.build()))
			.getTokenValue();
	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static KeyPair rsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Keys {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
		}

	}

}
