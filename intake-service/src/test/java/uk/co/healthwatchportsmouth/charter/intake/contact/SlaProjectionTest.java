package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.contracts.AnswerphoneChecked;
import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
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

	@Test
	void aPausedClockNoLongerCountsUntilItResumesWithItsMovedDeadline() {
		SlaProjection running = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(started("promised", MONDAY), NOW);

		SlaProjection paused = running.apply(paused("first", FRIDAY), NOW);
		assertThat(paused.dueAt()).isEqualTo(MONDAY);
		assertThat(paused.clocks()).filteredOn((clock) -> clock.clockId().equals("first"))
			.singleElement()
			.satisfies((clock) -> assertThat(clock.paused()).isTrue());

		Instant moved = MONDAY.plus(Duration.ofDays(2));
		SlaProjection resumed = paused.apply(resumed("first", FRIDAY, moved), NOW);
		assertThat(resumed.dueAt()).isEqualTo(MONDAY);
		assertThat(resumed.apply(met("promised", MONDAY), NOW).dueAt()).isEqualTo(moved);
	}

	@Test
	void aContactWhoseOnlyClockIsPausedHasNoDeadline() {
		SlaProjection paused = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(paused("first", FRIDAY), NOW);

		assertThat(paused.dueAt()).isNull();
		assertThat(paused.breached()).isFalse();
		assertThat(paused.apply(resumed("first", FRIDAY, MONDAY), NOW).dueAt()).isEqualTo(MONDAY);
	}

	@Test
	void aBreachedClockDoesNotCountAsBreachedWhilePaused() {
		SlaProjection breached = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(breach("first", FRIDAY), NOW);

		SlaProjection paused = breached.apply(paused("first", FRIDAY), NOW);
		assertThat(paused.breached()).isFalse();
		assertThat(paused.apply(resumed("first", FRIDAY, MONDAY), NOW).breached()).isTrue();
	}

	@Test
	void aCancelledClockNoLongerCountsLikeAMetOne() {
		SlaProjection breached = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(breach("first", FRIDAY), NOW)
			.apply(started("promised", MONDAY), NOW);

		SlaProjection cancelled = breached.apply(cancelled("first", FRIDAY), NOW);
		assertThat(cancelled.breached()).isFalse();
		assertThat(cancelled.dueAt()).isEqualTo(MONDAY);
		assertThat(cancelled.clocks()).filteredOn((clock) -> clock.clockId().equals("first"))
			.singleElement()
			.satisfies((clock) -> assertThat(clock.cancelled()).isTrue());
	}

	@Test
	void eventsAboutACancelledClockAreIgnored() {
		SlaProjection cancelled = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(cancelled("first", FRIDAY), NOW);

		assertThat(cancelled.dueAt()).isNull();
		assertThat(cancelled.apply(breach("first", FRIDAY), NOW)).isSameAs(cancelled);
		assertThat(cancelled.apply(resumed("first", FRIDAY, MONDAY), NOW)).isSameAs(cancelled);
		assertThat(cancelled.apply(moved("first", "late-move", FRIDAY, MONDAY), NOW)).isSameAs(cancelled);
	}

	@Test
	void redeliveredPausesResumesAndCancellationsChangeNothing() {
		ClockPaused pause = paused("first", FRIDAY);
		ClockResumed resume = resumed("first", FRIDAY, MONDAY);
		SlaProjection resumed = SlaProjection.NONE.apply(started("first", FRIDAY), NOW)
			.apply(pause, NOW)
			.apply(resume, NOW);

		// a late duplicate of the pause must not stop the resumed clock counting again
		assertThat(resumed.apply(pause, NOW)).isSameAs(resumed);
		assertThat(resumed.apply(resume, NOW)).isSameAs(resumed);
		assertThat(resumed.dueAt()).isEqualTo(MONDAY);

		ClockCancelled cancel = cancelled("first", MONDAY);
		SlaProjection cancelled = resumed.apply(cancel, NOW);
		assertThat(cancelled.apply(cancel, NOW)).isSameAs(cancelled);
		assertThat(cancelled.revision()).isEqualTo(resumed.revision() + 1);
	}

	@Test
	void aClockFirstSeenPausedOrCancelledIsKeptButDoesNotCount() {
		SlaProjection paused = SlaProjection.NONE.apply(paused("first", FRIDAY), NOW);
		assertThat(paused.dueAt()).isNull();
		assertThat(paused.apply(resumed("first", FRIDAY, MONDAY), NOW).dueAt()).isEqualTo(MONDAY);

		SlaProjection cancelled = SlaProjection.NONE.apply(cancelled("first", FRIDAY), NOW);
		assertThat(cancelled.dueAt()).isNull();
		assertThat(cancelled.apply(started("first", FRIDAY), NOW)).isSameAs(cancelled);
	}

	@Test
	void theAnswerphoneChecksClockIsAboutNoContactAndIsNotFollowed() {
		ClockStarted check = new ClockStarted("check-started", NOW, "check-clock", AnswerphoneChecked.KEY,
				"ANSWERPHONE_CHECK", null, NOW, FRIDAY, null);
		Breached missed = new Breached("check-breached", NOW, "check-clock", AnswerphoneChecked.KEY,
				"ANSWERPHONE_CHECK", null, FRIDAY, FRIDAY, NOW);

		assertThat(SlaProjection.follows(check)).isFalse();
		assertThat(SlaProjection.follows(missed)).isFalse();
		assertThat(SlaProjection.NONE.apply(check, NOW)).isSameAs(SlaProjection.NONE);
		assertThat(SlaProjection.follows(started("first", FRIDAY))).isTrue();
	}

	@Test
	void complaintClocksAreFollowedByComplaintsServiceNotHere() {
		ClockStarted acknowledgement = new ClockStarted("ack-started", NOW, "ack-clock", "complaint-1",
				"COMPLAINT_ACKNOWLEDGEMENT", "jo", NOW, FRIDAY, null);
		Breached late = new Breached("ack-breached", NOW, "ack-clock", "complaint-1", "COMPLAINT_ACKNOWLEDGEMENT", "jo",
				FRIDAY, FRIDAY, NOW);

		assertThat(SlaProjection.follows(acknowledgement)).isFalse();
		assertThat(SlaProjection.follows(late)).isFalse();
		assertThat(SlaProjection.NONE.apply(acknowledgement, NOW)).isSameAs(SlaProjection.NONE);
	}

	private static ClockPaused paused(String clock, Instant dueAt) {
		return new ClockPaused(clock + "-paused", NOW, clock, "contact-1", "EMAIL", "jo", dueAt, NOW);
	}

	private static ClockResumed resumed(String clock, Instant previousDueAt, Instant dueAt) {
		return new ClockResumed(clock + "-resumed", NOW, clock, "contact-1", "EMAIL", "jo", NOW, NOW, previousDueAt,
				dueAt);
	}

	private static ClockCancelled cancelled(String clock, Instant dueAt) {
		return new ClockCancelled(clock + "-cancelled", NOW, clock, "contact-1", "EMAIL", "jo", dueAt, NOW,
				"SUPERSEDED_BY_NEW_PROMISE");
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
