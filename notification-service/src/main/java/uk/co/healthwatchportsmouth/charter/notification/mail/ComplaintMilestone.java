package uk.co.healthwatchportsmouth.charter.notification.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * The facts of a complaint milestone email, from a complaint event: codes, ids and dates
 * only, never anything the complainant said or who they are.
 *
 * @param complaintKind {@code ABOUT_US} or {@code ABOUT_PROVIDER} (received only)
 * @param channel how the complaint came in, e.g. {@code EMAIL} (received only)
 * @param at when it happened: received, escalated or reassigned
 * @param originContactId the contact it was escalated from, if any (received only)
 * @param stage the escalation stage's code, e.g. {@code BOARD} (escalated only)
 * @param stageNumber which escalation stage, 1 for the first (escalated only)
 * @param workingDays the stage's timescale in working days (escalated only)
 * @param previousHandlerId who had the complaint before (reassigned only, if known)
 */
public record ComplaintMilestone(String complaintKind, String channel, Instant at, String originContactId, String stage,
		Integer stageNumber, Integer workingDays, String previousHandlerId) {

	public static final String ABOUT_PROVIDER = "ABOUT_PROVIDER";

	public ComplaintMilestone {
		Objects.requireNonNull(at, "at");
	}

	public static ComplaintMilestone received(String complaintKind, String channel, Instant receivedAt,
			String originContactId) {
		return new ComplaintMilestone(complaintKind, channel, receivedAt, originContactId, null, null, null, null);
	}

	public static ComplaintMilestone escalated(Instant escalatedAt, String stage, int stageNumber, int workingDays) {
		return new ComplaintMilestone(null, null, escalatedAt, null, stage, stageNumber, workingDays, null);
	}

	public static ComplaintMilestone reassigned(Instant reassignedAt, String previousHandlerId) {
		return new ComplaintMilestone(null, null, reassignedAt, null, null, null, null, previousHandlerId);
	}

	/** A complaint about an NHS or social care provider: signposted, not investigated. */
	public boolean aboutAProvider() {
		return ABOUT_PROVIDER.equals(this.complaintKind);
	}

}
