package uk.co.healthwatchportsmouth.charter.support.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a token's roles claim ({@code ["STAFF"]}) into {@code ROLE_STAFF} authorities and
 * names the user after the principal claim, falling back to {@code sub}.
 */
final class JwtRolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private static final String PREFIX = "ROLE_";

	private final SecurityProperties.Jwt claims;

	JwtRolesConverter(SecurityProperties.Jwt claims) {
		this.claims = claims;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<SimpleGrantedAuthority> authorities = roles(jwt.getClaim(this.claims.rolesClaim())).stream()
			.map((role) -> role.trim().toUpperCase(Locale.ROOT))
			.filter((role) -> !role.isEmpty())
			.map((role) -> role.startsWith(PREFIX) ? role : PREFIX + role)
			.map(SimpleGrantedAuthority::new)
			.toList();
		String name = jwt.getClaimAsString(this.claims.principalClaim());
		return new JwtAuthenticationToken(jwt, authorities,
				(name != null && !name.isBlank()) ? name : jwt.getSubject());
	}

	private static List<String> roles(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String value) {
			return Arrays.asList(value.split("[\\s,]+"));
		}
		return List.of();
	}

}
