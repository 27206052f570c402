package uk.co.healthwatchportsmouth.charter.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import uk.co.healthwatchportsmouth.charter.contracts.ComplaintAcknowledged;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintClosed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalated;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalationResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintExtensionAgreed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintSignposted;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintWithdrawn;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;

/** Complaint events as complaints-service publishes them, for a fresh complaint. */
public final class Complaints {

	static final String HANDLER = "jo";

	private Complaints() {
	}

	public static String newComplaintId() {
		return "complaint-" + UUID.randomUUID();
	}

	public static ComplaintReceived received(String complaintId, String kind, Instant receivedAt) {
		return new ComplaintReceived(EventIds.of(complaintId, "received"), receivedAt, complaintId, kind, "EMAIL",
				receivedAt, HANDLER, null, null, null, null);
	}

	public static ComplaintAcknowledged acknowledged(String complaintId, Instant acknowledgedAt,
			int responseWorkingDays) {
		return new ComplaintAcknowledged(EventIds.of(complaintId, "acknowledged"), acknowledgedAt, complaintId, HANDLER,
				acknowledgedAt, responseWorkingDays);
	}

	public static ComplaintExtensionAgreed extensionAgreed(String complaintId, Instant agreedAt, LocalDate newDueDate,
			String stage) {
		return new ComplaintExtensionAgreed(EventIds.of(complaintId, "extension", newDueDate.toString()), agreedAt,
				complaintId, HANDLER, agreedAt, newDueDate, stage);
	}

	public static ComplaintResponded responded(String complaintId, Instant respondedAt) {
		return new ComplaintResponded(EventIds.of(complaintId, "responded"), respondedAt, complaintId, HANDLER,
				respondedAt, "PARTLY_UPHELD", true, respondedAt);
	}

	public static ComplaintEscalated escalated(String complaintId, Instant escalatedAt, String stage, int stageNumber,
			int workingDays) {
		return new ComplaintEscalated(EventIds.of(complaintId, "escalated", stage), escalatedAt, complaintId, HANDLER,
				escalatedAt, stage, stageNumber, workingDays);
	}

	public static ComplaintEscalationResponded escalationResponded(String complaintId, String stage,
			Instant respondedAt) {
		return new ComplaintEscalationResponded(EventIds.of(complaintId, "escalation-responded", stage), respondedAt,
				complaintId, HANDLER, stage, respondedAt, "NOT_UPHELD");
	}

	public static ComplaintSignposted signposted(String complaintId, Instant signpostedAt) {
		return new ComplaintSignposted(EventIds.of(complaintId, "signposted"), signpostedAt, complaintId, HANDLER,
				signpostedAt, "PALS", true);
	}

	public static ComplaintClosed closed(String complaintId, Instant closedAt) {
		return new ComplaintClosed(EventIds.of(complaintId, "closed"), closedAt, complaintId, HANDLER, closedAt);
	}

	public static ComplaintWithdrawn withdrawn(String complaintId, Instant withdrawnAt) {
		return new ComplaintWithdrawn(EventIds.of(complaintId, "withdrawn"), withdrawnAt, complaintId, HANDLER,
				withdrawnAt);
	}

	public static ComplaintReassigned reassigned(String complaintId, String to, Instant reassignedAt) {
		return new ComplaintReassigned(EventIds.of(complaintId, "reassigned", to), reassignedAt, complaintId, HANDLER,
				to, reassignedAt);
	}

}
