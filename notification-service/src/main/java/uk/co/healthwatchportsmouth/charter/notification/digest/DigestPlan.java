package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import uk.co.healthwatchportsmouth.charter.notification.mail.DigestLine;

/** What goes into one person's digest for one day. */
final class DigestPlan {

	private DigestPlan() {
	}

	/**
	 * The assignee's open clocks that are overdue at {@code now} or due later on
	 * {@code today} (in {@code zone}); nothing else. A paused clock (waiting for the
	 * customer) is left out: it is neither due nor overdue while paused.
	 */
	static List<DigestLine> linesFor(String assigneeId, List<OpenClock> open, Instant now, LocalDate today,
			ZoneId zone) {
		return open.stream()
			.filter((clock) -> Objects.equals(assigneeId, clock.assigneeId()) && clock.dueAt() != null
					&& !clock.isPaused())
			.filter((clock) -> clock.dueAt().isBefore(now) || clock.dueAt().atZone(zone).toLocalDate().equals(today))
			.map((clock) -> new DigestLine(clock.contactId(), clock.standard(), clock.dueAt(),
					clock.dueAt().isBefore(now)))
			.toList();
	}

}
