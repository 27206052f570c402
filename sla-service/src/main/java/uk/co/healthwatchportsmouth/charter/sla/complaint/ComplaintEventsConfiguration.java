package uk.co.healthwatchportsmouth.charter.sla.complaint;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;

/**
 * The {@code complaintEvents-in-0} binding: complaint events from complaints-service. An
 * unreadable record throws {@code MalformedEventException}, which is not retried and goes
 * straight to the dead-letter topic; other failures are retried by the binder first.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintEventsConfiguration {

	@Bean
	Consumer<Message<byte[]>> complaintEvents(ComplaintEventHandler handler) {
		return (message) -> handler.handle(EventMessages.fromMessage(message));
	}

}
