package uk.co.healthwatchportsmouth.charter.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules: which roles may call its endpoints. They are applied
 * after the shared rules (health public, actuator and admin for OPS, API docs for any
 * role) and before "deny everything else", so an endpoint no rule names is refused.
 */
@FunctionalInterface
public interface EndpointRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
