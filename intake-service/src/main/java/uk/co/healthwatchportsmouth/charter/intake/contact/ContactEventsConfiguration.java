package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.OutboxProperties;

/**
 * Publishes the contact lifecycle on {@link Topics#CONTACTS} through the
 * {@value #BINDING} output binding (destination, acks and sync sends are set in
 * application.yml).
 */
@Configuration(proxyBeanMethods = false)
class ContactEventsConfiguration {

	static final String BINDING = "contactEvents-out-0";

	@Bean
	EventOutbox contactOutbox(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties,
			MeterRegistry meters) {
		return new EventOutbox(mongo, bridge, properties, Map.of(Topics.CONTACTS, BINDING), meters);
	}

	/**
	 * Watching the collection makes the outbox sweep it for events a previous run saved
	 * but never published. Only once the application is ready: before that the binding
	 * refuses to send, and the sweep would fail and wait a retry interval.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> sweepContactOutboxWhenReady(EventOutbox contactOutbox) {
		return (ready) -> contactOutbox.watch(ContactDocument.COLLECTION);
	}

}
