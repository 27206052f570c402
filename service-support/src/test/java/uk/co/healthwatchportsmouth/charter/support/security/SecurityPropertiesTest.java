package uk.co.healthwatchportsmouth.charter.support.security;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

	@Test
	void defaultsToJwtWithTheRolesAndPreferredUsernameClaims() {
		this.runner.run((context) -> {
			SecurityProperties properties = context.getBean(SecurityProperties.class);
			assertThat(properties.mode()).isEqualTo(SecurityProperties.Mode.JWT);
			assertThat(properties.jwt().rolesClaim()).isEqualTo("roles");
			assertThat(properties.jwt().principalClaim()).isEqualTo("preferred_username");
			assertThat(properties.users()).isEmpty();
		});
	}

	@Test
	void bindsTheUsersOfBasicMode() {
		this.runner
			.withPropertyValues("charter.security.mode=basic", "charter.security.users.jo.password=jo",
					"charter.security.users.jo.roles=STAFF", "charter.security.users.sam.password={bcrypt}$2a$10$x",
					"charter.security.users.sam.roles=MANAGER,OPS")
			.run((context) -> {
				SecurityProperties properties = context.getBean(SecurityProperties.class);
				assertThat(properties.users().get("jo").roles()).containsExactly(Role.STAFF);
				assertThat(properties.users().get("sam").roles()).isEqualTo(Set.of(Role.MANAGER, Role.OPS));
			});
	}

	@Test
	void basicModeWithoutUsersIsRefused() {
		this.runner.withPropertyValues("charter.security.mode=basic")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("must name at least one user in basic mode"));
	}

	@Test
	void aUserWithoutARoleOrPasswordIsRefused() {
		this.runner.withPropertyValues("charter.security.mode=basic", "charter.security.users.jo.password=jo")
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("roles"));
		this.runner.withPropertyValues("charter.security.mode=basic", "charter.security.users.jo.roles=STAFF")
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("password"));
	}

	@Test
	void anUnknownRoleIsRefused() {
		this.runner
			.withPropertyValues("charter.security.mode=basic", "charter.security.users.jo.password=jo",
					"charter.security.users.jo.roles=ADMIN")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecurityProperties.class)
	static class Bound {

	}

}
