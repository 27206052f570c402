package uk.co.healthwatchportsmouth.charter.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random receipts between 2000 and 2100 the deadline is a working day at 17:00 local,
 * exactly N working days after the counting day, and never before the receipt.
 */
class DeadlinePropertyTest {

	private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

	private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

	private static final long TO = Instant.parse("2100-12-01T00:00:00Z").getEpochSecond();

	@Test
	void deadlineIsAWorkingDayAtFiveExactlyNWorkingDaysAfterTheCountingDay() {
		SplittableRandom random = new SplittableRandom(20261124L);
		for (int sample = 0; sample < 20_000; sample++) {
			Instant receivedAt = Instant.ofEpochSecond(random.nextLong(FROM, TO));
			int workingDays = random.nextInt(1, 21);
			Instant dueAt = CALENDAR.closeOfBusiness(receivedAt, workingDays);

			String example = receivedAt + " + " + workingDays + " -> " + dueAt;
			ZonedDateTime due = dueAt.atZone(WorkingCalendar.LONDON);
			assertThat(due.toLocalTime()).as(example).isEqualTo(LocalTime.of(17, 0));
			assertThat(CALENDAR.whyNotWorking(due.toLocalDate())).as(example).isEmpty();
			assertThat(dueAt).as(example).isAfter(receivedAt);
			assertThat(workingDaysAfterCountingDayUpTo(receivedAt, due.toLocalDate())).as(example)
				.isEqualTo(workingDays);
		}
	}

	/** Counted independently of the calendar's table, from whyNotWorking alone. */
	private static int workingDaysAfterCountingDayUpTo(Instant receivedAt, LocalDate dueDay) {
		ZonedDateTime local = receivedAt.atZone(WorkingCalendar.LONDON);
		LocalDate countingDay = local.toLocalDate();
		if (!isWorking(countingDay) || !local.toLocalTime().isBefore(LocalTime.of(17, 0))) {
			do {
				countingDay = countingDay.plusDays(1);
			}
			while (!isWorking(countingDay));
		}
		int counted = 0;
		for (LocalDate day = countingDay.plusDays(1); !day.isAfter(dueDay); day = day.plusDays(1)) {
			if (isWorking(day)) {
				counted++;
			}
		}
		return counted;
	}

	private static boolean isWorking(LocalDate day) {
		return CALENDAR.whyNotWorking(day).isEmpty();
	}

}
