package uk.co.healthwatchportsmouth.charter.support.security;

import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service knows who calls it.
 *
 * @param mode {@code jwt} (the default: an OAuth2 resource server trusting the issuer in
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) or {@code basic} (HTTP
 * Basic against {@code users}; the local profile)
 * @param users the users of {@code basic} mode by name
 * @param jwt which claims of a token carry the roles and the user's name
 */
@Validated
@ConfigurationProperties("charter.security")
public record SecurityProperties(@NotNull @DefaultValue("jwt") Mode mode, Map<String, @Valid @NotNull User> users,
		@Valid @NotNull @DefaultValue Jwt jwt) {

	public SecurityProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
	}

	/** Basic mode with nobody to sign in would lock everyone out. */
	@AssertTrue(message = "charter.security.users must name at least one user in basic mode")
	public boolean isUsableInBasicMode() {
		return this.mode != Mode.BASIC || !this.users.isEmpty();
	}

	public enum Mode {

		JWT, BASIC

	}

	/**
	 * A user of basic mode.
	 *
	 * @param password plain (stored as {@code {noop}}) or any encoded form Spring
	 * Security's delegating encoder knows, e.g. {@code {bcrypt}$2a$10$...}
	 * @param roles what the user may do
	 */
	public record User(@NotBlank String password, @NotEmpty Set<@NotNull Role> roles) {

	}

	/**
	 * @param rolesClaim the claim with the user's roles: a list (or a space or comma
	 * separated string) of role names such as {@code STAFF}
	 * @param principalClaim the claim naming the user, the acting staff id; {@code sub}
	 * when the token lacks it
	 */
	public record Jwt(@NotBlank @DefaultValue("roles") String rolesClaim,
			@NotBlank @DefaultValue("preferred_username") String principalClaim) {

	}

}
