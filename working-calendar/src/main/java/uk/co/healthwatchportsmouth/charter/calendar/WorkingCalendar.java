package uk.co.healthwatchportsmouth.charter.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Healthwatch Portsmouth's working days and office hours: Monday to Friday except England
 * and Wales bank holidays and configured closure days, open between {@link OfficeHours}.
 *
 * <p>
 * All arithmetic is on instants; the zone only decides which local days and hours count,
 * so a deadline lands on 17:00 local time whether that is GMT or BST. Immutable and
 * thread-safe: when holidays or closures change, build a new calendar.
 *
 * <p>
 * Deadlines for 2000-2100 come from a precomputed table of working days (the hot path of
 * every clock), anything else from the same rules day by day.
 */
public final class WorkingCalendar {

	/** The zone the charter is kept in. */
	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final String WEEKEND = "weekend";

	static final String OFFICE_CLOSED = "office closed";

	private static final LocalDate TABLE_FIRST_DAY = LocalDate.of(1999, 12, 1);

	private static final LocalDate TABLE_LAST_DAY = LocalDate.of(2101, 12, 31);

	private final ZoneId zone;

	private final ZoneRules rules;

	private final OfficeHours hours;

	private final BankHolidays bankHolidays;

	private final Set<LocalDate> closures;

	private final String fingerprint;

	private final long tableFirstEpochDay;

	/** For each day of the table, the ordinal of the first working day on or after it. */
	private final int[] firstWorkingOrdinalFrom;

	/** Whether each day of the table is a working day. */
	private final boolean[] workingDay;

	/**
	 * The closing instant (epoch second) of each working day in the table, by ordinal.
	 */
	private final long[] closingEpochSecond;

	private final long closesAtNanoOfDay;

	public WorkingCalendar(ZoneId zone, OfficeHours hours, BankHolidays bankHolidays, Set<LocalDate> closures) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.rules = zone.getRules();
		this.hours = Objects.requireNonNull(hours, "hours");
		this.bankHolidays = Objects.requireNonNull(bankHolidays, "bankHolidays");
		this.closures = Set.copyOf(closures);
		this.closesAtNanoOfDay = hours.closesAt().toNanoOfDay();
		this.fingerprint = fingerprintOf(zone, hours, bankHolidays, this.closures);
		this.tableFirstEpochDay = TABLE_FIRST_DAY.toEpochDay();
		int days = (int) (TABLE_LAST_DAY.toEpochDay() - this.tableFirstEpochDay + 1);
		this.workingDay = new boolean[days];
		this.firstWorkingOrdinalFrom = new int[days + 1];
		long[] closing = new long[days];
		int ordinal = 0;
		for (int index = 0; index < days; index++) {
			LocalDate day = TABLE_FIRST_DAY.plusDays(index);
			if (whyNotWorking(day).isEmpty()) {
				this.workingDay[index] = true;
				closing[ordinal++] = closingTime(day).getEpochSecond();
			}
		}
		this.closingEpochSecond = java.util.Arrays.copyOf(closing, ordinal);
		int next = ordinal;
		this.firstWorkingOrdinalFrom[days] = next;
		for (int index = days - 1; index >= 0; index--) {
			if (this.workingDay[index]) {
				next--;
			}
			this.firstWorkingOrdinalFrom[index] = next;
		}
	}

	/**
	 * Europe/London, 09:00-17:00, the England and Wales bank holidays shipped with this
	 * library, no closure days.
	 */
	public static WorkingCalendar englandAndWales() {
		return new WorkingCalendar(LONDON, OfficeHours.DEFAULT, BankHolidays.shipped(), Set.of());
	}

	public boolean isWorkingDay(LocalDate date) {
		long index = date.toEpochDay() - this.tableFirstEpochDay;
		if (index >= 0 && index < this.workingDay.length) {
			return this.workingDay[(int) index];
		}
		return whyNotWorking(date).isEmpty();
	}

	/**
	 * Why the office is shut on a day, in plain English ({@code weekend},
	 * {@code Boxing Day}, {@code Christmas Day (substitute day)}, {@code office closed}),
	 * or empty on a working day.
	 */
	public Optional<String> whyNotWorking(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
			return Optional.of(WEEKEND);
		}
		Optional<BankHoliday> holiday = this.bankHolidays.on(date);
		if (holiday.isPresent()) {
			return Optional.of(holiday.get().reason());
		}
		if (this.closures.contains(date)) {
			return Optional.of(OFFICE_CLOSED);
		}
		return Optional.empty();
	}

	/** Whether the office is open at an instant: a working day, within office hours. */
	public boolean isOpen(Instant instant) {
		ZonedDateTime local = instant.atZone(this.zone);
		LocalTime time = local.toLocalTime();
		return isWorkingDay(local.toLocalDate()) && !time.isBefore(this.hours.opensAt())
				&& time.isBefore(this.hours.closesAt());
	}

	/** The instant itself when the office is open then, otherwise its next opening. */
	public Instant nextOpening(Instant instant) {
		if (isOpen(instant)) {
			return instant;
		}
		ZonedDateTime local = instant.atZone(this.zone);
		LocalDate day = local.toLocalDate();
		if (isWorkingDay(day) && local.toLocalTime().isBefore(this.hours.opensAt())) {
			return openingTime(day);
		}
		return openingTime(nextWorkingDayAfter(day));
	}

	/**
	 * The day a contact's working days count from (D0): the local day it arrived if that
	 * is a working day and the office had not yet closed, otherwise the next working day.
	 * A contact that arrives before opening counts from that same day.
	 */
	public LocalDate countingDay(Instant receivedAt) {
		ZonedDateTime local = receivedAt.atZone(this.zone);
		LocalDate day = local.toLocalDate();
		if (isWorkingDay(day) && local.toLocalTime().isBefore(this.hours.closesAt())) {
			return day;
		}
		return nextWorkingDayAfter(day);
	}

	/**
	 * The charter's deadline rule: office close on the {@code workingDays}th working day
	 * after the counting day of a contact received at {@code receivedAt}.
	 */
	public Instant closeOfBusiness(Instant receivedAt, int workingDays) {
		if (workingDays < 1) {
			throw new IllegalArgumentException("A standard gives at least one working day; got " + workingDays);
		}
		long localSecond = receivedAt.getEpochSecond() + this.rules.getOffset(receivedAt).getTotalSeconds();
		long index = Math.floorDiv(localSecond, 86_400L) - this.tableFirstEpochDay;
		if (index >= 0 && index < this.workingDay.length) {
			int day = (int) index;
			long nanoOfDay = Math.floorMod(localSecond, 86_400L) * 1_000_000_000L + receivedAt.getNano();
			int countingOrdinal = (this.workingDay[day] && nanoOfDay < this.closesAtNanoOfDay)
					? this.firstWorkingOrdinalFrom[day] : this.firstWorkingOrdinalFrom[day + 1];
			int dueOrdinal = countingOrdinal + workingDays;
			if (dueOrdinal < this.closingEpochSecond.length) {
				return Instant.ofEpochSecond(this.closingEpochSecond[dueOrdinal],
						(int) (this.closesAtNanoOfDay % 1_000_000_000L));
			}
		}
		return closingTime(workingDaysAfter(countingDay(receivedAt), workingDays));
	}

	/** The deadline with its reasons: days counted and days skipped. */
	public DeadlineExplanation explain(Instant receivedAt, int workingDays) {
		Instant dueAt = closeOfBusiness(receivedAt, workingDays);
		LocalDate countingDay = countingDay(receivedAt);
		List<LocalDate> counted = new ArrayList<>(workingDays);
		LocalDate day = countingDay;
		for (int i = 0; i < workingDays; i++) {
			day = nextWorkingDayAfter(day);
			counted.add(day);
		}
		return new DeadlineExplanation(receivedAt, countingDay, counted,
				skippedDays(receivedAt.atZone(this.zone).toLocalDate(), day), dueAt);
	}

	/** The non-working days from {@code from} to {@code to} inclusive, with reasons. */
	public List<SkippedDay> skippedDays(LocalDate from, LocalDate to) {
		List<SkippedDay> skipped = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			LocalDate date = day;
			whyNotWorking(day).ifPresent((reason) -> skipped.add(new SkippedDay(date, reason)));
		}
		return skipped;
	}

	/** The working day {@code workingDays} working days after {@code day}. */
	public LocalDate workingDaysAfter(LocalDate day, int workingDays) {
		LocalDate result = day;
		for (int counted = 0; counted < workingDays; counted++) {
			result = nextWorkingDayAfter(result);
		}
		return result;
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

	public LocalDate previousWorkingDayBefore(LocalDate day) {
		LocalDate previous = day.minusDays(1);
		while (!isWorkingDay(previous)) {
			if (previous.isBefore(day.minusYears(1))) {
				throw new IllegalStateException("No working day within a year before " + day);
			}
			previous = previous.minusDays(1);
		}
		return previous;
	}

	public Instant openingTime(LocalDate day) {
		return ZonedDateTime.of(day, this.hours.opensAt(), this.zone).toInstant();
	}

	public Instant closingTime(LocalDate day) {
		return ZonedDateTime.of(day, this.hours.closesAt(), this.zone).toInstant();
	}

	/** Office-open time between two instants: what "working hours" means. */
	public Duration workingTimeBetween(Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(this.zone).toLocalDate();
		for (LocalDate day = from.atZone(this.zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			Instant start = latest(from, openingTime(day));
			Instant end = earliest(to, closingTime(day));
			if (start.isBefore(end)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

	/**
	 * The instant {@code amount} of working time after {@code from}. Working time that
	 * runs out exactly at closing ends at the closing instant.
	 */
	public Instant plusWorkingTime(Instant from, Duration amount) {
		requireNotNegative(amount);
		Instant start = nextOpening(from);
		Duration remaining = amount;
		while (true) {
			LocalDate day = start.atZone(this.zone).toLocalDate();
			Duration available = Duration.between(start, closingTime(day));
			if (remaining.compareTo(available) <= 0) {
				return start.plus(remaining);
			}
			remaining = remaining.minus(available);
			start = openingTime(nextWorkingDayAfter(day));
		}
	}

	/**
	 * The instant {@code amount} of working time before {@code to}, e.g. two working
	 * hours before a deadline. Working time that runs out exactly at opening ends at the
	 * opening instant.
	 */
	public Instant minusWorkingTime(Instant to, Duration amount) {
		requireNotNegative(amount);
		Instant end = lastWorkingInstantAtOrBefore(to);
		Duration remaining = amount;
		while (true) {
			LocalDate day = end.atZone(this.zone).toLocalDate();
			Duration available = Duration.between(openingTime(day), end);
			if (remaining.compareTo(available) <= 0) {
				return end.minus(remaining);
			}
			remaining = remaining.minus(available);
			end = closingTime(previousWorkingDayBefore(day));
		}
	}

	private Instant lastWorkingInstantAtOrBefore(Instant instant) {
		ZonedDateTime local = instant.atZone(this.zone);
		LocalDate day = local.toLocalDate();
		LocalTime time = local.toLocalTime();
		if (isWorkingDay(day) && !time.isBefore(this.hours.opensAt())) {
			return time.isAfter(this.hours.closesAt()) ? closingTime(day) : instant;
		}
		return closingTime(previousWorkingDayBefore(day));
	}

	public ZoneId zone() {
		return this.zone;
	}

	public OfficeHours hours() {
		return this.hours;
	}

	public BankHolidays bankHolidays() {
		return this.bankHolidays;
	}

	public Set<LocalDate> closures() {
		return new TreeSet<>(this.closures);
	}

	/**
	 * Identifies the calendar's rules (zone, hours, listed holidays, closures): a stored
	 * fingerprint that differs from this one means deadlines may have moved.
	 */
	public String fingerprint() {
		return this.fingerprint;
	}

	private static String fingerprintOf(ZoneId zone, OfficeHours hours, BankHolidays holidays,
			Set<LocalDate> closures) {
		String canonical = zone + "|" + hours.opensAt() + "|" + hours.closesAt() + "|" + holidays.fingerprint() + "|"
				+ new TreeSet<>(closures);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void requireNotNegative(Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("Working time must not be negative; got " + amount);
		}
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
