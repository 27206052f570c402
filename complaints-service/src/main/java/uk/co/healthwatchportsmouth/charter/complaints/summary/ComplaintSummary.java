package uk.co.healthwatchportsmouth.charter.complaints.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.co.healthwatchportsmouth.charter.complaints.complaint.Complaint;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintKind;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintService.Detailed;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.Deadline;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.Escalation;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.Outcome;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.SignpostDestination;

/**
 * Counts of the complaints received in a period (days in Europe/London, by receivedAt).
 * On time means done by the deadline sla-service last reported for it, so an agreed
 * extension's new date is what counts.
 *
 * @param apologyGiven among responded complaints: "yes" / "no"
 * @param acknowledged acknowledgement (or signposting) against COMPLAINT_ACKNOWLEDGEMENT
 * @param responded first responses of complaints about us against COMPLAINT_RESPONSE
 * @param escalationsByStage escalations by stage code
 */
public record ComplaintSummary(LocalDate from, LocalDate to, long total, Map<String, Long> byKind,
		Map<String, Long> byState, Map<String, Long> byOutcome, Map<String, Long> apologyGiven, Timeliness acknowledged,
		Timeliness responded, long extensionsAgreed, Map<String, Long> escalationsByStage,
		Map<String, Long> signpostedByDestination) {

	static final String ACKNOWLEDGEMENT = "COMPLAINT_ACKNOWLEDGEMENT";

	static final String RESPONSE = "COMPLAINT_RESPONSE";

	/**
	 * Done by the deadline, after it, not done yet, or done while sla-service has not
	 * (yet) reported a deadline. Withdrawn complaints that were never done are not
	 * counted.
	 */
	public record Timeliness(long onTime, long late, long pending, long deadlineUnknown) {

		Timeliness plus(Instant doneAt, Instant dueAt) {
			if (doneAt == null) {
				return new Timeliness(this.onTime, this.late, this.pending + 1, this.deadlineUnknown);
			}
			if (dueAt == null) {
				return new Timeliness(this.onTime, this.late, this.pending, this.deadlineUnknown + 1);
			}
			return doneAt.isAfter(dueAt)
					? new Timeliness(this.onTime, this.late + 1, this.pending, this.deadlineUnknown)
					: new Timeliness(this.onTime + 1, this.late, this.pending, this.deadlineUnknown);
		}

	}

	public static ComplaintSummary of(LocalDate from, LocalDate to, List<Detailed> complaints) {
		Map<String, Long> byKind = zeros(ComplaintKind.values());
		Map<String, Long> byState = zeros(ComplaintState.values());
		Map<String, Long> byOutcome = zeros(Outcome.values());
		Map<String, Long> apology = new LinkedHashMap<>(Map.of("yes", 0L));
		apology.put("no", 0L);
		Map<String, Long> escalations = new LinkedHashMap<>();
		Map<String, Long> signposted = zeros(SignpostDestination.values());
		Timeliness acknowledged = new Timeliness(0, 0, 0, 0);
		Timeliness responded = new Timeliness(0, 0, 0, 0);
		long extensions = 0;
		for (Detailed detailed : complaints) {
			Complaint complaint = detailed.stored().complaint();
			byKind.merge(complaint.kind().name(), 1L, Long::sum);
			byState.merge(complaint.state().name(), 1L, Long::sum);
			if (complaint.outcome() != null) {
				byOutcome.merge(complaint.outcome().name(), 1L, Long::sum);
			}
			if (complaint.apologyGiven() != null) {
				apology.merge(complaint.apologyGiven() ? "yes" : "no", 1L, Long::sum);
			}
			Instant acknowledgedAt = (complaint.acknowledgedAt() != null) ? complaint.acknowledgedAt()
					: (complaint.signposting() != null) ? complaint.signposting().signpostedAt() : null;
			if (acknowledgedAt != null || complaint.state() != ComplaintState.WITHDRAWN) {
				acknowledged = acknowledged.plus(acknowledgedAt, dueAt(detailed.deadlines(), ACKNOWLEDGEMENT));
			}
			if (complaint.kind() == ComplaintKind.ABOUT_US
					&& (complaint.respondedAt() != null || complaint.state() != ComplaintState.WITHDRAWN)) {
				responded = responded.plus(complaint.respondedAt(), dueAt(detailed.deadlines(), RESPONSE));
			}
			extensions += complaint.extensions().size();
			for (Escalation escalation : complaint.escalations()) {
				escalations.merge(escalation.stage(), 1L, Long::sum);
			}
			if (complaint.signposting() != null) {
				signposted.merge(complaint.signposting().signpostedTo().name(), 1L, Long::sum);
			}
		}
		return new ComplaintSummary(from, to, complaints.size(), byKind, byState, byOutcome, apology, acknowledged,
				responded, extensions, escalations, signposted);
	}

	/** The report as CSV rows {@code measure,key,count}, one count per row. */
	public String toCsv() {
		List<String> rows = new ArrayList<>();
		rows.add("measure,key,count");
		rows.add("total,," + this.total);
		this.byKind.forEach((key, count) -> rows.add("kind," + key + "," + count));
		this.byState.forEach((key, count) -> rows.add("state," + key + "," + count));
		this.byOutcome.forEach((key, count) -> rows.add("outcome," + key + "," + count));
		this.apologyGiven.forEach((key, count) -> rows.add("apologyGiven," + key + "," + count));
		timeliness(rows, "acknowledged", this.acknowledged);
		timeliness(rows, "responded", this.responded);
		rows.add("extensionsAgreed,," + this.extensionsAgreed);
		this.escalationsByStage.forEach((key, count) -> rows.add("escalations," + key + "," + count));
		this.signpostedByDestination.forEach((key, count) -> rows.add("signposted," + key + "," + count));
		return String.join("\r\n", rows) + "\r\n";
	}

	private static void timeliness(List<String> rows, String measure, Timeliness timeliness) {
		rows.add(measure + ",onTime," + timeliness.onTime());
		rows.add(measure + ",late," + timeliness.late());
		rows.add(measure + ",pending," + timeliness.pending());
		rows.add(measure + ",deadlineUnknown," + timeliness.deadlineUnknown());
	}

	/**
	 * The latest deadline reported for the standard (a moved deadline replaces the old).
	 */
	private static Instant dueAt(List<Deadline> deadlines, String standard) {
		return deadlines.stream()
			.filter((deadline) -> standard.equals(deadline.standard()) && deadline.dueAt() != null)
			.map(Deadline::dueAt)
			.max(Instant::compareTo)
			.orElse(null);
	}

	private static Map<String, Long> zeros(Enum<?>[] values) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Enum<?> value : values) {
			counts.put(value.name(), 0L);
		}
		return counts;
	}

}
