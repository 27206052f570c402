package uk.co.healthwatchportsmouth.charter.support.security;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One security set-up for every service: the shared rules, then the service's
 * {@link EndpointRules}, then deny everything else. Stateless (every request carries its
 * credentials), so there is no session and no CSRF token to protect.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

	private static final String MANAGER = Role.MANAGER.name();

	private static final String OPS = Role.OPS.name();

	@Bean
	@ConditionalOnMissingBean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role(MANAGER).implies(Role.STAFF.name()).build();
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain charterSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
			ObjectProvider<EndpointRules> serviceRules, ObjectProvider<JwtDecoder> jwtDecoder) {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
				requests.requestMatchers("/actuator/**").hasRole(OPS);
				requests.requestMatchers("/admin/**").hasAnyRole(OPS, MANAGER);
				requests
					.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
							"/swagger-ui.html", "/swagger-ui/**")
					.hasAnyRole(Role.all());
				serviceRules.orderedStream().forEach((rules) -> rules.apply(requests));
				requests.anyRequest().denyAll();
			});
		if (properties.mode() == SecurityProperties.Mode.BASIC) {
			AuthenticationEntryPoint unauthorized = ProblemResponses.unauthorized("Basic realm=\"charter\"", null);
			http.httpBasic((basic) -> basic.realmName("charter").authenticationEntryPoint(unauthorized))
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
					.accessDeniedHandler(ProblemResponses.forbidden()));
		}
		else {
			if (jwtDecoder.getIfAvailable() == null) {
				throw new IllegalStateException("charter.security.mode=jwt needs the token issuer: set "
						+ "spring.security.oauth2.resourceserver.jwt.issuer-uri (or use charter.security.mode=basic "
						+ "with charter.security.users, e.g. the local profile)");
			}
			AuthenticationEntryPoint unauthorized = ProblemResponses.unauthorized("Bearer",
					new BearerTokenAuthenticationEntryPoint());
			http.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(ProblemResponses.forbidden())
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new JwtRolesConverter(properties.jwt()))))
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
					.accessDeniedHandler(ProblemResponses.forbidden()));
		}
		return http.build();
	}

	/**
	 * The users of basic mode. A password without an encoding prefix is taken as
	 * {@code {noop}}: HTTP Basic checks the password on every request, and bcrypt's
	 * deliberate cost (~50-100 ms of CPU each) would dominate every call of the local
	 * stack and its tests. Real deployments use jwt mode; an encoded {@code {bcrypt}...}
	 * value still works for anyone who runs basic mode with real secrets.
	 * <p>
	 * Exposed only as a {@link UserDetailsService}: were the bean also the manager's
	 * {@code UserDetailsPasswordService}, Spring Security would re-encode each
	 * {@code {noop}} password with bcrypt at its first sign-in ("upgrading" it), and
	 * every request after that would pay bcrypt's cost after all.
	 */
	@Bean
	@ConditionalOnProperty(name = "charter.security.mode", havingValue = "basic")
	@ConditionalOnMissingBean
	UserDetailsService charterUsers(SecurityProperties properties) {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (Map.Entry<String, SecurityProperties.User> user : properties.users().entrySet()) {
			String password = user.getValue().password();
			users.createUser(User.withUsername(user.getKey())
				.password(password.startsWith("{") ? password : "{noop}" + password)
				.roles(user.getValue().roles().stream().map(Role::name).toArray(String[]::new))
				.build());
		}
		return users::loadUserByUsername;
	}

}
