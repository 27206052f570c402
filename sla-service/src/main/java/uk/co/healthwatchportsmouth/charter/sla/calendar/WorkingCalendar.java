package uk.co.healthwatchportsmouth.charter.sla.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The office's working days and hours. Deadlines are instants; the zone only decides
 * which local days are working days and when the office closes on them, so a deadline
 * lands on 17:00 local time whether that is GMT or BST.
 *
 * <p>
 * Only weekends are closed today. Bank holidays and other closures will be added to
 * {@link #isWorkingDay(LocalDate)}, the single place every rule asks.
 */
public final class WorkingCalendar {

	private final ZoneId zone;

	private final LocalTime opensAt;

	private final LocalTime closesAt;

	public WorkingCalendar(ZoneId zone, LocalTime opensAt, LocalTime closesAt) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.opensAt = Objects.requireNonNull(opensAt, "opensAt");
		this.closesAt = Objects.requireNonNull(closesAt, "closesAt");
		if (!opensAt.isBefore(closesAt)) {
			throw new IllegalArgumentException("The office must open before it closes: " + opensAt + "-" + closesAt);
		}
	}

	/** Europe/London, Monday to Friday, 09:00-17:00. */
	public static WorkingCalendar london() {
		return new WorkingCalendar(ZoneId.of("Europe/London"), LocalTime.of(9, 0), LocalTime.of(17, 0));
	}

	public boolean isWorkingDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	/**
	 * The day a contact's working days count from: the local day it arrived if that is a
	 * working day and the office had not yet closed, otherwise the next working day. A
	 * contact that arrives before opening counts from that same day.
	 */
	public LocalDate countingDay(Instant receivedAt) {
		ZonedDateTime local = receivedAt.atZone(this.zone);
		LocalDate day = local.toLocalDate();
		if (isWorkingDay(day) && local.toLocalTime().isBefore(this.closesAt)) {
			return day;
		}
		return nextWorkingDayAfter(day);
	}

	/**
	 * Office close on the given number of working days after the counting day of a
	 * contact received at {@code receivedAt}.
	 */
	public Instant closeOfBusiness(Instant receivedAt, int workingDays) {
		if (workingDays < 1) {
			throw new IllegalArgumentException("A standard gives at least one working day; got " + workingDays);
		}
		LocalDate day = countingDay(receivedAt);
		for (int counted = 0; counted < workingDays; counted++) {
			day = nextWorkingDayAfter(day);
		}
		return closingTime(day);
	}

	public Instant closingTime(LocalDate day) {
		return ZonedDateTime.of(day, this.closesAt, this.zone).toInstant();
	}

	public LocalDate nextWorkingDayAfter(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (!isWorkingDay(next)) {
			if (next.isAfter(day.plusYears(1))) {
				// only a misconfigured closure list can do this; fail rather than spin
				throw new IllegalStateException("No working day within a year after " + day);
			}
			next = next.plusDays(1);
		}
		return next;
	}

	public ZoneId zone() {
		return this.zone;
	}

	public LocalTime opensAt() {
		return this.opensAt;
	}

	public LocalTime closesAt() {
		return this.closesAt;
	}

}
