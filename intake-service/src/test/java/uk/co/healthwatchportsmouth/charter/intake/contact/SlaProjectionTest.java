package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;

import static org.assertj.core.api.Assertions.assertThat;

class SlaProjectionTest {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private static final Instant MONDAY = Instant.parse("2026-11-30T17:00:00Z");

	private static final Instant FRIDAY = Instant.parse("2026-11-27T17:00:00Z");

	@Test
	void aStartedClockGivesTheContactItsDeadline() {
		SlaProjection projection = SlaProjection.NONE.apply(started("first", MONDAY), NOW);

		assertThat(projection.dueAt()).isEqualTo(MONDAY);
		assertThat(projection.breached()).isFalse();
		assertThat(projection.updatedAt()).isEqualTo(NOW);
		assertThat(projection.revision()).isOne();
	}

	@Test
	void theEarliestOpenDeadlineCounts() {
		SlaProjection projection = SlaProjection.NONE.apply(started("first", MONDAY), NOW)
			.apply(started("promised", FRIDAY), NOW);

		assertThat(projection.dueAt()).isEqualTo(FRIDAY);
		assertThat(projection.apply(met("promised", FRIDAY), NOW).dueAt()).isEqualTo(MONDAY);
	}

	@Test
	void aMovedDeadlineReplacesTheOldOne() {
		SlaProjection projection = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(moved("first", "move-1", FRIDAY, MONDAY), NOW);

		assertThat(projection.dueAt()).isEqualTo(MONDAY);
	}

	@Test
	void aBreachStaysUntilTheClockIsMet() {
		SlaProjection breached = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(breach("first", FRIDAY), NOW);
		assertThat(breached.breached()).isTrue();
		assertThat(breached.dueAt()).isEqualTo(FRIDAY);

		SlaProjection met = breached.apply(met("first", FRIDAY), NOW);
		assertThat(met.breached()).isFalse();
		assertThat(met.dueAt()).isNull();
	}

	@Test
	void aRedeliveredEventChangesNothingEvenAfterLaterOnes() {
		DeadlineChanged firstMove = moved("first", "move-1", FRIDAY, MONDAY);
		SlaProjection projection = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(firstMove, NOW)
			.apply(moved("first", "move-2", MONDAY, MONDAY.plus(Duration.ofDays(1))), NOW);

		assertThat(projection.apply(firstMove, NOW)).isSameAs(projection);
		assertThat(projection.apply(started("first", FRIDAY), NOW)).isSameAs(projection);
		assertThat(projection.dueAt()).isEqualTo(MONDAY.plus(Duration.ofDays(1)));
	}

	@Test
	void eventsAboutAMetClockAreIgnored() {
		SlaProjection met = SlaProjection.NONE.apply(started("first", FRIDAY), NOW).apply(met("first", FRIDAY), NOW);

		assertThat(met.apply(breach("first", FRIDAY), NOW)).isSameAs(met);
		assertThat(met.apply(moved("first", "late-move", FRIDAY, MONDAY), NOW)).isSameAs(met);
	}

	@Test
	void aClockFirstSeenMidWayIsStillProjected() {
		SlaProjection projection = SlaProjection.NONE.apply(breach("first", FRIDAY), NOW);

		assertThat(projection.dueAt()).isEqualTo(FRIDAY);
		assertThat(projection.breached()).isTrue();
	}

	@Test
	void remindersDoNotChangeTheProjection() {
		SlaProjection projection = SlaProjection.NONE.apply(started("first", FRIDAY), NOW);
		ReminderDue reminder = new ReminderDue("reminder", NOW, "first", "contact-1", "EMAIL", "jo", FRIDAY, NOW, NOW);

		assertThat(SlaProjection.follows(reminder)).isFalse();
		assertThat(projection.apply(reminder, NOW)).isSameAs(projection);
	}

	private static ClockStarted started(String clock, Instant dueAt) {
		return new ClockStarted(clock + "-started", NOW, clock, "contact-1", "EMAIL", "jo", NOW, dueAt, null);
	}

	private static DeadlineChanged moved(String clock, String eventId, Instant from, Instant to) {
		return new DeadlineChanged(eventId, NOW, clock, "contact-1", "EMAIL", "jo", from, to, "Office closure added");
	}

	private static Breached breach(String clock, Instant dueAt) {
		return new Breached(clock + "-breached", NOW, clock, "contact-1", "EMAIL", "jo", dueAt, dueAt, NOW);
	}

	private static Met met(String clock, Instant dueAt) {
		return new Met(clock + "-met", NOW, clock, "contact-1", "EMAIL", "jo", dueAt, NOW);
	}

}
