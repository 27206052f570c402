package uk.co.healthwatchportsmouth.charter.notification;

import uk.co.healthwatchportsmouth.charter.support.security.EndpointRules;
import uk.co.healthwatchportsmouth.charter.support.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call notification-service: staff look up the staff directory and read
 * notifications; managers change the directory and resend a notification.
 */
@Configuration(proxyBeanMethods = false)
class NotificationAccessRules {

	@Bean
	EndpointRules notificationEndpointRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/staff/**", "/notifications/**")
			.hasRole(Role.STAFF.name())
			.requestMatchers(HttpMethod.POST, "/staff/**", "/notifications/*/resend")
			.hasRole(Role.MANAGER.name())
			.requestMatchers(HttpMethod.PUT, "/staff/**")
			.hasRole(Role.MANAGER.name())
			.requestMatchers(HttpMethod.PATCH, "/staff/**")
			.hasRole(Role.MANAGER.name())
			.requestMatchers(HttpMethod.DELETE, "/staff/**")
			.hasRole(Role.MANAGER.name());
	}

}
