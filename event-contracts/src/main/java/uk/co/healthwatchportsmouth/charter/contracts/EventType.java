package uk.co.healthwatchportsmouth.charter.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wire name, record type and topic of every event. Wire names end in their schema
 * version.
 */
public enum EventType {

	// Contact lifecycle, published by intake-service: add contact events below this line.

	CONTACT_RECEIVED("contact.received.v1", ContactReceived.class, Topics.CONTACTS),

	CONTACT_RESPONDED("contact.responded.v1", ContactResponded.class, Topics.CONTACTS),

	CONTACT_RESOLVED_AT_FIRST_CONTACT("contact.resolved-at-first-contact.v1", ContactResolvedAtFirstContact.class,
			Topics.CONTACTS),

	HOLDING_REPLY_SENT("contact.holding-reply-sent.v1", HoldingReplySent.class, Topics.CONTACTS),

	INFORMATION_REQUESTED("contact.information-requested.v1", InformationRequested.class, Topics.CONTACTS),

	INFORMATION_RECEIVED("contact.information-received.v1", InformationReceived.class, Topics.CONTACTS),

	CONTACT_RESOLVED("contact.resolved.v1", ContactResolved.class, Topics.CONTACTS),

	CONTACT_REASSIGNED("contact.reassigned.v1", ContactReassigned.class, Topics.CONTACTS),

	CONTACT_ESCALATED_TO_COMPLAINT("contact.escalated-to-complaint.v1", ContactEscalatedToComplaint.class,
			Topics.CONTACTS),

	ANSWERPHONE_CHECKED("contact.answerphone-checked.v1", AnswerphoneChecked.class, Topics.CONTACTS),

	// Clock lifecycle, published by sla-service: add sla events below this line.

	CLOCK_STARTED("sla.clock-started.v1", ClockStarted.class, Topics.SLA),

	REMINDER_DUE("sla.reminder-due.v1", ReminderDue.class, Topics.SLA),

	BREACHED("sla.breached.v1", Breached.class, Topics.SLA),

	MET("sla.met.v1", Met.class, Topics.SLA),

	ESCALATED("sla.escalated.v1", Escalated.class, Topics.SLA),

	DEADLINE_CHANGED("sla.deadline-changed.v1", DeadlineChanged.class, Topics.SLA),

	CLOCK_PAUSED("sla.clock-paused.v1", ClockPaused.class, Topics.SLA),

	CLOCK_RESUMED("sla.clock-resumed.v1", ClockResumed.class, Topics.SLA),

	CLOCK_CANCELLED("sla.clock-cancelled.v1", ClockCancelled.class, Topics.SLA),

	// Complaints procedure, published by complaints-service: add complaint events below
	// this line.

	COMPLAINT_RECEIVED("complaint.received.v1", ComplaintReceived.class, Topics.COMPLAINTS),

	COMPLAINT_ACKNOWLEDGED("complaint.acknowledged.v1", ComplaintAcknowledged.class, Topics.COMPLAINTS),

	COMPLAINT_INVESTIGATION_STARTED("complaint.investigation-started.v1", ComplaintInvestigationStarted.class,
			Topics.COMPLAINTS),

	COMPLAINT_EXTENSION_AGREED("complaint.extension-agreed.v1", ComplaintExtensionAgreed.class, Topics.COMPLAINTS),

	COMPLAINT_RESPONDED("complaint.responded.v1", ComplaintResponded.class, Topics.COMPLAINTS),

	COMPLAINT_ESCALATED("complaint.escalated.v1", ComplaintEscalated.class, Topics.COMPLAINTS),

	COMPLAINT_ESCALATION_RESPONDED("complaint.escalation-responded.v1", ComplaintEscalationResponded.class,
			Topics.COMPLAINTS),

	COMPLAINT_SIGNPOSTED("complaint.signposted.v1", ComplaintSignposted.class, Topics.COMPLAINTS),

	COMPLAINT_CLOSED("complaint.closed.v1", ComplaintClosed.class, Topics.COMPLAINTS),

	COMPLAINT_WITHDRAWN("complaint.withdrawn.v1", ComplaintWithdrawn.class, Topics.COMPLAINTS),

	COMPLAINT_REASSIGNED("complaint.reassigned.v1", ComplaintReassigned.class, Topics.COMPLAINTS);

	private final String wireName;

	private final Class<? extends CharterEvent> recordType;

	private final String topic;

	EventType(String wireName, Class<? extends CharterEvent> recordType, String topic) {
		this.wireName = wireName;
		this.recordType = recordType;
		this.topic = topic;
	}

	public String wireName() {
		return this.wireName;
	}

	public Class<? extends CharterEvent> recordType() {
		return this.recordType;
	}

	public String topic() {
		return this.topic;
	}

	/** The JSON Schema of this event, on the classpath. */
	public String schemaResource() {
		return "/schemas/" + this.wireName + ".schema.json";
	}

	public static Optional<EventType> fromWireName(String wireName) {
		return (wireName != null) ? Optional.ofNullable(Lookup.BY_WIRE_NAME.get(wireName)) : Optional.empty();
	}

	static EventType of(Class<?> recordType) {
		EventType type = Lookup.BY_RECORD_TYPE.get(recordType);
		if (type == null) {
			throw new IllegalArgumentException("Not an event: " + recordType);
		}
		return type;
	}

	// every published event asks for its type at least once, so these are maps rather
	// than searches of the values
	private static final class Lookup {

		private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
			.collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

		private static final Map<Class<?>, EventType> BY_RECORD_TYPE = Arrays.stream(values())
			.collect(Collectors.toUnmodifiableMap(EventType::recordType, Function.identity()));

	}

}
