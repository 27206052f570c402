package uk.co.healthwatchportsmouth.charter.notification.contact;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.notification.digest.OpenClocks;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;

/**
 * Consumes {@code charter.contact-events} ({@code contactEvents-in-0}) to keep the
 * communication needs projection and the digest's open clocks (closed by a reply or a
 * resolution, moved by a reassignment) up to date. An unreadable record goes to the
 * dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ContactEventsConfiguration {

	@Bean
	CommunicationNeeds communicationNeeds(MongoTemplate mongo) {
		return new CommunicationNeeds(mongo);
	}

	@Bean
	Consumer<Message<byte[]>> contactEvents(CommunicationNeeds needs, OpenClocks openClocks) {
		return (message) -> {
			CharterEvent event = EventMessages.fromMessage(message);
			if (event instanceof ContactReceived received) {
				needs.record(received);
			}
			// a reply or a resolution closes the contact's clocks in the digest, a
			// reassignment moves them to the new assignee
			openClocks.apply(event);
		};
	}

}
