package uk.co.healthwatchportsmouth.charter.support.security;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny service with one endpoint per kind of rule: staff work, a manager report, and an
 * endpoint no rule names (so denied to everyone).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SecuredTestApplication {

	@Bean
	EndpointRules testServiceRules() {
		return (requests) -> requests.requestMatchers("/work/**")
			.hasRole(Role.STAFF.name())
			.requestMatchers(HttpMethod.GET, "/reports/**")
			.hasRole(Role.MANAGER.name());
	}

	/** Registered as a member of this configuration. */
	@RestController
	static class WorkController {

		@GetMapping("/work/acting-staff")
		String actingStaff(@RequestHeader(name = ActingStaff.HEADER, required = false) String header) {
			return String.valueOf(ActingStaff.id(header));
		}

		@PostMapping("/work/items")
		String createItem() {
			return "created";
		}

		@GetMapping("/reports/monthly")
		String report() {
			return "report";
		}

		@GetMapping("/forgotten")
		String forgotten() {
			return "nobody may see this";
		}

	}

}
