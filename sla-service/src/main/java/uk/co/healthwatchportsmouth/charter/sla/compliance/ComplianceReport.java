package uk.co.healthwatchportsmouth.charter.sla.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockState;

/**
 * Charter compliance per standard and per calendar month of the deadline (in the
 * calendar's zone). Every month of the period has a row for every standard, so a quiet
 * month shows as zeros rather than as a gap.
 */
public final class ComplianceReport {

	private ComplianceReport() {
	}

	/**
	 * @param clocks the clocks due within the period
	 * @param from first day of the period
	 * @param to last day of the period (inclusive)
	 * @param standards the standards that get a row even without clocks
	 * @param calendar the working calendar that working time to respond is counted on
	 */
	public static List<ComplianceRow> of(Collection<ClockOutcome> clocks, LocalDate from, LocalDate to,
			Collection<String> standards, WorkingCalendar calendar) {
		Map<Key, List<ClockOutcome>> groups = new HashMap<>();
		TreeSet<String> names = new TreeSet<>(standards);
		for (ClockOutcome clock : clocks) {
			LocalDate dueOn = clock.dueAt().atZone(calendar.zone()).toLocalDate();
			if (dueOn.isBefore(from) || dueOn.isAfter(to)) {
				continue;
			}
			names.add(clock.standard());
			groups.computeIfAbsent(new Key(clock.standard(), YearMonth.from(dueOn)), (key) -> new ArrayList<>())
				.add(clock);
		}
		List<ComplianceRow> rows = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			for (String standard : names) {
				rows.add(row(standard, month, groups.getOrDefault(new Key(standard, month), List.of()), calendar));
			}
		}
		return rows;
	}

	private static ComplianceRow row(String standard, YearMonth month, List<ClockOutcome> clocks,
			WorkingCalendar calendar) {
		int met = 0;
		int breached = 0;
		int open = 0;
		int cancelled = 0;
		int firstResponsesAnswered = 0;
		int resolvedAtFirstContact = 0;
		List<Duration> timesToRespond = new ArrayList<>();
		for (ClockOutcome clock : clocks) {
			switch (clock.state()) {
				case MET -> met++;
				case BREACHED, MET_AFTER_BREACH -> breached++;
				case RUNNING, PAUSED -> open++;
				case CANCELLED -> cancelled++;
			}
			boolean answered = clock.state() == ClockState.MET || clock.state() == ClockState.MET_AFTER_BREACH;
			if (answered && clock.respondedAt() != null) {
				timesToRespond.add(workingTime(clock.startedAt(), clock.respondedAt(), calendar));
			}
			if (answered && clock.firstResponse()) {
				firstResponsesAnswered++;
				if (clock.resolvedAtFirstContact()) {
					resolvedAtFirstContact++;
				}
			}
		}
		timesToRespond.sort(null);
		Double resolutionRate = (firstResponsesAnswered > 0) ? (double) resolvedAtFirstContact / firstResponsesAnswered
				: null;
		return new ComplianceRow(standard, month, met, breached, open, cancelled, percentile(timesToRespond, 50),
				percentile(timesToRespond, 90), resolutionRate);
	}

	private static Duration workingTime(Instant from, Instant to, WorkingCalendar calendar) {
		return to.isAfter(from) ? calendar.workingTimeBetween(from, to) : Duration.ZERO;
	}

	/**
	 * The nearest-rank percentile: the smallest value with at least that share of the
	 * values at or below it, always one that occurred (no interpolation).
	 * @param sorted ascending
	 */
	static Duration percentile(List<Duration> sorted, int percent) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	private record Key(String standard, YearMonth month) {

	}

}
