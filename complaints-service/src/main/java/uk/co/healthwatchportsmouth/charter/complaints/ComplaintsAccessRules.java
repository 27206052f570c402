package uk.co.healthwatchportsmouth.charter.complaints;

import uk.co.healthwatchportsmouth.charter.support.security.EndpointRules;
import uk.co.healthwatchportsmouth.charter.support.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call complaints-service: staff work complaints; the summary report is for
 * managers (its rule comes first, as {@code /complaints/**} would match it too).
 */
@Configuration(proxyBeanMethods = false)
class ComplaintsAccessRules {

	@Bean
	EndpointRules complaintsEndpointRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/complaints/summary")
			.hasRole(Role.MANAGER.name())
			.requestMatchers("/complaints/**")
			.hasRole(Role.STAFF.name());
	}

}
