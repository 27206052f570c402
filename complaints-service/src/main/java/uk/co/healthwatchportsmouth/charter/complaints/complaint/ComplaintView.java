package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.util.List;

/** A complaint as staff see it, with its deadlines; {@code version} is its ETag. */
record ComplaintView(String id, ComplaintKind kind, ComplaintState state, Channel channel, String handlerId,
		Instant receivedAt, String originContactId, String customerId, CustomerType customerType,
		Complainant complainant, String summary, Instant acknowledgedAt, Integer responseWorkingDays,
		Instant investigationStartedAt, Instant respondedAt, Outcome outcome, Boolean apologyGiven,
		Instant apologyGivenAt, String actions, String lessonsLearned, List<Extension> extensions,
		List<Escalation> escalations, Signposting signposting, Instant closedAt, Instant withdrawnAt,
		List<Deadline> deadlines, long version) {

	static ComplaintView of(ComplaintService.Detailed detailed) {
		Complaint c = detailed.stored().complaint();
		return new ComplaintView(c.id(), c.kind(), c.state(), c.channel(), c.handlerId(), c.receivedAt(),
				c.originContactId(), c.customerId(), c.customerType(), c.complainant(), c.summary(), c.acknowledgedAt(),
				c.responseWorkingDays(), c.investigationStartedAt(), c.respondedAt(), c.outcome(), c.apologyGiven(),
				c.apologyGivenAt(), c.actions(), c.lessonsLearned(), c.extensions(), c.escalations(), c.signposting(),
				c.closedAt(), c.withdrawnAt(), detailed.deadlines(), detailed.stored().version());
	}

	String etag() {
		return "\"" + this.version + "\"";
	}

	/** A complaint in a list: no complainant, summary or other free text. */
	record Listed(String id, ComplaintKind kind, ComplaintState state, Channel channel, String handlerId,
			Instant receivedAt, String originContactId, Instant acknowledgedAt, Instant respondedAt, Outcome outcome,
			Instant closedAt, long version) {

		static Listed of(StoredComplaint stored) {
			Complaint c = stored.complaint();
			return new Listed(c.id(), c.kind(), c.state(), c.channel(), c.handlerId(), c.receivedAt(),
					c.originContactId(), c.acknowledgedAt(), c.respondedAt(), c.outcome(), c.closedAt(),
					stored.version());
		}

	}

}
