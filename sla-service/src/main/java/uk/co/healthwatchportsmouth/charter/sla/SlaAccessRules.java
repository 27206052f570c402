package uk.co.healthwatchportsmouth.charter.sla;

import uk.co.healthwatchportsmouth.charter.support.security.EndpointRules;
import uk.co.healthwatchportsmouth.charter.support.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call sla-service: staff read clocks and deadline previews, managers the
 * compliance report. {@code /admin/**} (virtual clock, calendar reload) is a shared rule:
 * OPS and MANAGER.
 */
@Configuration(proxyBeanMethods = false)
class SlaAccessRules {

	@Bean
	EndpointRules slaEndpointRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/clocks/**", "/deadlines/**")
			.hasRole(Role.STAFF.name())
			.requestMatchers(HttpMethod.GET, "/compliance")
			.hasRole(Role.MANAGER.name());
	}

}
