package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;

/**
 * The {@value #BINDING} binding: sla-service's clock events on {@link Topics#SLA}, from
 * which each contact's deadline and breach are projected. An unreadable record throws
 * {@code MalformedEventException}, which is not retried and goes straight to the
 * dead-letter topic (see application.yml); other failures are retried first.
 */
@Configuration(proxyBeanMethods = false)
class SlaEventsConfiguration {

	static final String BINDING = "slaEvents-in-0";

	@Bean
	Consumer<Message<byte[]>> slaEvents(MongoSlaProjections projections) {
		return (message) -> {
			CharterEvent event = EventMessages.fromMessage(message);
			if (SlaProjection.follows(event)) {
				projections.apply(event);
			}
		};
	}

}
