package uk.co.healthwatchportsmouth.charter.sla.contact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;
import uk.co.healthwatchportsmouth.charter.support.messaging.BatchDeadLetters;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;

/**
 * The {@code contactEvents-in-0} binding: contact events from intake, consumed a poll at
 * a time so that the clocks of many new contacts are stored with one write. A record that
 * fails is named to the container ({@link BatchListenerFailedException}): the records
 * before it are committed, an unreadable one ({@code MalformedEventException}) goes
 * straight to the dead-letter topic, any other failure is retried first, and the records
 * after it are consumed again.
 */
@Configuration(proxyBeanMethods = false)
class ContactEventsConfiguration {

	@Bean
	Consumer<Message<List<byte[]>>> contactEvents(ContactEventHandler handler) {
		return (batch) -> {
			List<Message<?>> records = EventMessages.split(batch);
			List<CharterEvent> events = new ArrayList<>(records.size());
			for (Message<?> record : records) {
				try {
					events.add(EventMessages.fromMessage(record));
				}
				catch (MalformedEventException ex) {
					// the readable records before it are handled, then it is parked
					handleInOrder(handler, events);
					throw new BatchListenerFailedException(ex.getMessage(), ex, events.size());
				}
			}
			handleInOrder(handler, events);
		};
	}

	private static void handleInOrder(ContactEventHandler handler, List<CharterEvent> events) {
		try {
			handler.handleInOrder(events);
		}
		catch (EventHandlingFailed ex) {
			throw new BatchListenerFailedException(ex.getMessage(), ex.getCause(), ex.position());
		}
	}

	@Bean
	BatchDeadLetters batchDeadLetters(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
			MeterRegistry meters) {
		return new BatchDeadLetters(brokers, meters);
	}

	/**
	 * Named by the binding's {@code common-error-handler-bean-name}; retries as the
	 * binding's own retry settings say.
	 */
	@Bean
	DefaultErrorHandler contactEventsErrorHandler(BatchDeadLetters deadLetters,
			@Value("${spring.cloud.stream.bindings.contactEvents-in-0.group}") String group,
			@Value("${spring.cloud.stream.bindings.contactEvents-in-0.consumer.max-attempts:3}") int attempts,
			@Value("${spring.cloud.stream.bindings.contactEvents-in-0.consumer.back-off-initial-interval:1000}") long firstRetryAfterMillis,
			@Value("${spring.cloud.stream.bindings.contactEvents-in-0.consumer.back-off-max-interval:10000}") long longestWaitMillis) {
		return deadLetters.errorHandler(group, attempts, Duration.ofMillis(firstRetryAfterMillis),
				Duration.ofMillis(longestWaitMillis));
	}

}
