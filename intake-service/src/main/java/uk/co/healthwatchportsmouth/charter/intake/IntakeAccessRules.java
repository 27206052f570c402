package uk.co.healthwatchportsmouth.charter.intake;

import uk.co.healthwatchportsmouth.charter.support.security.EndpointRules;
import uk.co.healthwatchportsmouth.charter.support.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call intake-service (docs/SECURITY design): staff work contacts and the
 * answerphone; managers also read reports and erase a customer's personal data.
 */
@Configuration(proxyBeanMethods = false)
class IntakeAccessRules {

	@Bean
	EndpointRules intakeEndpointRules() {
		return (requests) -> requests.requestMatchers("/contacts/**", "/answerphone/**")
			.hasRole(Role.STAFF.name())
			.requestMatchers(HttpMethod.GET, "/reports/**")
			.hasRole(Role.MANAGER.name())
			.requestMatchers(HttpMethod.DELETE, "/customers/*/personal-data")
			.hasRole(Role.MANAGER.name());
	}

}
