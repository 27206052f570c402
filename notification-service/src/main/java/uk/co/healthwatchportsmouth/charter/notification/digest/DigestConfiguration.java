package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.notification.delivery.NotificationDelivery;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffRoster;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigestProperties.class)
class DigestConfiguration {

	@Bean
	OpenClocks openClocks(MongoTemplate mongo) {
		return new OpenClocks(mongo);
	}

	@Bean
	MorningDigest morningDigest(OpenClocks clocks, StaffRoster staff, NotificationDelivery delivery,
			WorkingCalendar calendar, DigestProperties properties, Clock clock) {
		return new MorningDigest(clocks, staff, delivery, calendar, properties, clock);
	}

	@Bean
	SchedulingConfigurer morningDigestSchedule(MorningDigest digest, DigestProperties properties) {
		return (registrar) -> registrar.addFixedDelayTask(digest::sendIfDue, properties.checkInterval());
	}

}
