package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deadline of a complaint as staff see it.
 *
 * @param stage the escalation stage's code for COMPLAINT_ESCALATION clocks, else null
 */
public record Deadline(String standard, String stage, Instant dueAt, DeadlineState state) {

	static final String ESCALATION = "COMPLAINT_ESCALATION";

	/**
	 * Joins a complaint's clocks to its escalations: an escalation clock starts when its
	 * stage was escalated to; a clock whose start was not seen takes the stages left, in
	 * order.
	 */
	public static List<Deadline> of(Complaint complaint, List<ClockDeadline> clocks) {
		List<ClockDeadline> ordered = new ArrayList<>(clocks);
		ordered.sort(Comparator.comparing(ClockDeadline::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(ClockDeadline::id));
		List<Escalation> unmatched = new ArrayList<>(complaint.escalations());
		List<Deadline> deadlines = new ArrayList<>();
		for (ClockDeadline clock : ordered) {
			String stage = null;
			if (ESCALATION.equals(clock.standard())) {
				Escalation match = unmatched.stream()
					.filter((escalation) -> escalation.escalatedAt().equals(clock.startedAt()))
					.findFirst()
					.orElse(unmatched.isEmpty() ? null : unmatched.get(0));
				if (match != null) {
					unmatched.remove(match);
					stage = match.stage();
				}
			}
			deadlines.add(new Deadline(clock.standard(), stage, clock.dueAt(), clock.state()));
		}
		return deadlines;
	}

}
