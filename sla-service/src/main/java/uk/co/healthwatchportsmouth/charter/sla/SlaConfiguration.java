package uk.co.healthwatchportsmouth.charter.sla;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.sla.calendar.CalendarSource;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.standard.ReminderRule;
import uk.co.healthwatchportsmouth.charter.sla.standard.Standard;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.OutboxProperties;

/** Builds the plain-Java calendar and standards from configuration, and the outbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
class SlaConfiguration {

	/** The output binding that writes {@link Topics#SLA}. */
	static final String SLA_EVENTS_BINDING = "slaEvents-out-0";

	@Bean
	CalendarSource calendarSource(SlaProperties properties) {
		return new CalendarSource(properties.calendar());
	}

	@Bean
	CharterStandards charterStandards(CalendarSource calendar, SlaProperties properties) {
		Map<String, Standard> standards = new HashMap<>();
		properties.standards().forEach((name, rule) -> {
			SlaProperties.Reminders reminders = (rule.reminders() != null) ? rule.reminders() : properties.reminders();
			standards.put(name,
					new Standard(name, rule.version(), rule.kind(),
							(rule.workingDays() != null) ? rule.workingDays() : 0, rule.checkBy(),
							new ReminderRule(reminders.fractions(), reminders.beforeDeadline())));
		});
		return new CharterStandards(calendar, standards, properties.channels());
	}

	@Bean(destroyMethod = "close")
	EventOutbox eventOutbox(MongoTemplate mongo, StreamBridge bridge, OutboxProperties outboxProperties,
			MeterRegistry meters) {
		EventOutbox outbox = new EventOutbox(mongo, bridge, outboxProperties, Map.of(Topics.SLA, SLA_EVENTS_BINDING),
				meters);
		outbox.watch(ClockStore.COLLECTION);
		return outbox;
	}

}
