package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Met;

/**
 * One sla-service clock of a complaint, as projected from its events: when it is due and
 * how it stands. sla-service owns the clock; this is what staff see beside the complaint.
 * Applying an event already applied (a redelivery) changes nothing.
 *
 * @param id the clock's id (sla-service's clockId)
 * @param complaintId the clock's {@code contactId}: for COMPLAINT_* standards, the
 * complaint
 * @param startedAt when the clock started, if its start was seen; tells which escalation
 * stage a COMPLAINT_ESCALATION clock belongs to
 * @param eventIds the latest events applied, to recognise redeliveries
 * @param revision how many changes were stored, for conditional writes
 */
public record ClockDeadline(String id, String complaintId, String standard, Instant startedAt, Instant dueAt,
		DeadlineState state, List<String> eventIds, long revision) {

	static final String PREFIX = "COMPLAINT_";

	private static final int REMEMBERED_EVENTS = 50;

	/**
	 * Whether this projection follows the event: clock events of COMPLAINT_* standards.
	 */
	public static boolean follows(CharterEvent event) {
		String standard = switch (event) {
			case ClockStarted started -> started.standard();
			case DeadlineChanged changed -> changed.standard();
			case ClockPaused paused -> paused.standard();
			case ClockResumed resumed -> resumed.standard();
			case Breached breached -> breached.standard();
			case Met met -> met.standard();
			case ClockCancelled cancelled -> cancelled.standard();
			default -> null;
		};
		return standard != null && standard.startsWith(PREFIX);
	}

	/**
	 * The clock after the event.
	 * @param before the clock so far, or {@code null} when this is its first event seen
	 * @return {@code before} itself when the event changes nothing (a redelivery)
	 */
	public static ClockDeadline apply(ClockDeadline before, CharterEvent event) {
		if (before != null && before.eventIds().contains(event.eventId())) {
			return before;
		}
		DeadlineState state = (before != null) ? before.state() : DeadlineState.RUNNING;
		Instant dueAt = (before != null) ? before.dueAt() : null;
		Instant startedAt = (before != null) ? before.startedAt() : null;
		String clockId;
		String standard;
		switch (event) {
			case ClockStarted started -> {
				clockId = started.clockId();
				standard = started.standard();
				startedAt = started.startedAt();
				dueAt = started.dueAt();
			}
			case DeadlineChanged changed -> {
				clockId = changed.clockId();
				standard = changed.standard();
				dueAt = changed.dueAt();
			}
			case ClockResumed resumed -> {
				clockId = resumed.clockId();
				standard = resumed.standard();
				dueAt = resumed.dueAt();
			}
			case ClockPaused paused -> {
				clockId = paused.clockId();
				standard = paused.standard();
			}
			case Breached breached -> {
				clockId = breached.clockId();
				standard = breached.standard();
				dueAt = (dueAt != null) ? dueAt : breached.dueAt();
				state = state.isFinal() ? state : DeadlineState.BREACHED;
			}
			case Met met -> {
				clockId = met.clockId();
				standard = met.standard();
				dueAt = met.dueAt();
				if (state != DeadlineState.CANCELLED) {
					state = (state == DeadlineState.BREACHED || state == DeadlineState.MET_AFTER_BREACH
							|| met.respondedAt().isAfter(met.dueAt())) ? DeadlineState.MET_AFTER_BREACH
									: DeadlineState.MET;
				}
			}
			case ClockCancelled cancelled -> {
				clockId = cancelled.clockId();
				standard = cancelled.standard();
				dueAt = (dueAt != null) ? dueAt : cancelled.dueAt();
				state = (state == DeadlineState.MET || state == DeadlineState.MET_AFTER_BREACH) ? state
						: DeadlineState.CANCELLED;
			}
			default -> throw new IllegalArgumentException("Not a clock event: " + event.type().wireName());
		}
		List<String> seen = new ArrayList<>((before != null) ? before.eventIds() : List.of());
		seen.add(event.eventId());
		if (seen.size() > REMEMBERED_EVENTS) {
			seen = seen.subList(seen.size() - REMEMBERED_EVENTS, seen.size());
		}
		long revision = (before != null) ? before.revision() + 1 : 1;
		return new ClockDeadline(clockId, event.contactId(), standard, startedAt, dueAt, state, List.copyOf(seen),
				revision);
	}

}
