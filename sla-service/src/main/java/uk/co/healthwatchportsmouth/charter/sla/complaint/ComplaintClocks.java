package uk.co.healthwatchportsmouth.charter.sla.complaint;

import uk.co.healthwatchportsmouth.charter.contracts.EventIds;

/**
 * The standards a complaint's clocks run under and their deterministic ids: one
 * acknowledgement and one response clock per complaint, one escalation clock per stage. A
 * complaint's clocks carry the complaint id as their {@code contactId}, the key of its
 * events.
 */
public final class ComplaintClocks {

	public static final String ACKNOWLEDGEMENT = "COMPLAINT_ACKNOWLEDGEMENT";

	public static final String RESPONSE = "COMPLAINT_RESPONSE";

	public static final String ESCALATION = "COMPLAINT_ESCALATION";

	private ComplaintClocks() {
	}

	public static String acknowledgementIdFor(String complaintId) {
		return EventIds.of(complaintId, ACKNOWLEDGEMENT);
	}

	public static String responseIdFor(String complaintId) {
		return EventIds.of(complaintId, RESPONSE);
	}

	public static String escalationIdFor(String complaintId, String stage) {
		return EventIds.of(complaintId, ESCALATION, stage);
	}

}
