package uk.co.healthwatchportsmouth.charter.sla;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolved;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResolvedAtFirstContact;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.HoldingReplySent;
import uk.co.healthwatchportsmouth.charter.contracts.InformationReceived;
import uk.co.healthwatchportsmouth.charter.contracts.InformationRequested;
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

	public static HoldingReplySent holdingReply(String contactId, Instant sentAt, Instant promisedBy) {
		return new HoldingReplySent(EventIds.of(contactId, "holding-reply", promisedBy.toString()), sentAt, contactId,
				sentAt, "staff-7", "AWAITING_PROVIDER", promisedBy);
	}

	public static InformationRequested informationRequested(String contactId, Instant requestedAt) {
		return new InformationRequested(EventIds.of(contactId, "information-requested", requestedAt.toString()),
				requestedAt, contactId, requestedAt, "staff-7");
	}

	public static InformationReceived informationReceived(String contactId, Instant receivedAt) {
		return new InformationReceived(EventIds.of(contactId, "information-received", receivedAt.toString()),
				receivedAt, contactId, receivedAt, "staff-7");
	}

	public static ContactResolvedAtFirstContact resolvedAtFirstContact(String contactId, Instant resolvedAt) {
		return new ContactResolvedAtFirstContact(EventIds.of(contactId, "resolved-at-first-contact"), resolvedAt,
				contactId, resolvedAt, "staff-7");
	}

	public static ContactResolved resolved(String contactId, Instant resolvedAt) {
		return new ContactResolved(EventIds.of(contactId, "resolved"), resolvedAt, contactId, resolvedAt, "staff-7");
	}

	public static ContactReassigned reassigned(String contactId, String from, String to, Instant at) {
		return new ContactReassigned(EventIds.of(contactId, "reassigned", to), at, contactId, from, to, "lead");
	}

	/** A record about the contact, of the given wire type. */
	public static Predicate<TopicReader.Received> event(String contactId, String wireType) {
		return (received) -> contactId.equals(received.key()) && wireType.equals(received.type());
	}

}
