package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;

/**
 * An immutable fact one service tells the others. Carries ids and facts only: never a
 * customer's name, contact details or free text, which stay in the service that owns
 * them.
 */
public sealed interface CharterEvent permits ContactReceived, ContactResponded, ClockStarted, ReminderDue, Breached,
		Met, Escalated, DeadlineChanged, ContactResolvedAtFirstContact, HoldingReplySent, InformationRequested,
		InformationReceived, ContactResolved, ContactReassigned, ContactEscalatedToComplaint, AnswerphoneChecked,
		ClockPaused, ClockResumed, ClockCancelled, ComplaintReceived, ComplaintAcknowledged,
		ComplaintInvestigationStarted, ComplaintExtensionAgreed, ComplaintResponded, ComplaintEscalated,
		ComplaintEscalationResponded, ComplaintSignposted, ComplaintClosed, ComplaintWithdrawn, ComplaintReassigned {

	/** Unique per fact and deterministic, so a consumer can drop a redelivered copy. */
	String eventId();

	Instant occurredAt();

	/**
	 * The item the event is about and its Kafka record key, so events about one item stay
	 * in order on one partition: a contact id, or for complaint events (and the clocks of
	 * COMPLAINT_* standards) the complaint id.
	 */
	String contactId();

	default EventType type() {
		return EventType.of(getClass());
	}

}
