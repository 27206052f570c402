package uk.co.healthwatchportsmouth.charter.notification.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The stored staff directory, seeded from the configured one ({@link StaffConfiguration})
 * before anything can look staff up.
 */
@Configuration(proxyBeanMethods = false)
class StaffRosterConfiguration {

	@Bean
	StaffRoster staffRoster(MongoTemplate mongo, StaffDirectory configuredStaff) {
		StaffRoster roster = new StaffRoster(mongo);
		roster.seed(configuredStaff);
		return roster;
	}

}
