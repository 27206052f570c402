package uk.co.healthwatchportsmouth.charter.sla;

import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.sla.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
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
	WorkingCalendar workingCalendar(SlaProperties properties) {
		SlaProperties.Calendar calendar = properties.calendar();
		return new WorkingCalendar(calendar.zone(), calendar.opensAt(), calendar.closesAt());
	}

	@Bean
	CharterStandards charterStandards(WorkingCalendar calendar, SlaProperties properties) {
		Map<String, Standard> byChannel = properties.channels()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> new Standard(entry.getValue(),
					properties.standards().get(entry.getValue()).workingDays())));
		return new CharterStandards(calendar, byChannel, properties.reminderBefore());
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
