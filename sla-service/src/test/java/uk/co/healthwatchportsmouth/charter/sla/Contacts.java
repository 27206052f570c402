package uk.co.healthwatchportsmouth.charter.sla;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;

/** Contact events as intake publishes them, for a fresh contact per scenario. */
public final class Contacts {

	private Contacts() {
	}

	public static String newContactId() {
		return "contact-" + UUID.randomUUID();
	}

	public static ContactReceived received(String contactId, String channel, Instant receivedAt) {
		return new ContactReceived(EventIds.of(contactId, "received"), receivedAt, contactId, channel, receivedAt,
				"staff-7");
	}

	public static ContactResponded responded(String contactId, Instant respondedAt) {
		return new ContactResponded(EventIds.of(contactId, "responded"), respondedAt, contactId, respondedAt,
				"staff-7");
	}

	/** A record about the contact, of the given wire type. */
	public static Predicate<TopicReader.Received> event(String contactId, String wireType) {
		return (received) -> contactId.equals(received.key()) && wireType.equals(received.type());
	}

}
