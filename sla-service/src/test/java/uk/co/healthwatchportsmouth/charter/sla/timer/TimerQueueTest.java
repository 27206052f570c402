package uk.co.healthwatchportsmouth.charter.sla.timer;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.Timer;
import uk.co.healthwatchportsmouth.charter.sla.clock.TimerKind;

import static org.assertj.core.api.Assertions.assertThat;

class TimerQueueTest {

	private static final Instant T = Instant.parse("2026-11-26T15:00:00Z");

	private final TimerQueue queue = new TimerQueue();

	@Test
	void aTimerIsNotHandedOutBeforeItsInstant() {
		this.queue.add(timer("a", TimerKind.REMINDER, T));

		assertThat(this.queue.pollDue(T.minusMillis(1), 10)).isEmpty();
		assertThat(this.queue.pollDue(T, 10)).containsExactly(timer("a", TimerKind.REMINDER, T));
		assertThat(this.queue.size()).isZero();
	}

	@Test
	void overdueTimersComeOutInDeadlineOrder() {
		this.queue.add(timer("late", TimerKind.BREACH, T.plusSeconds(7200)));
		this.queue.add(timer("early", TimerKind.REMINDER, T));
		this.queue.add(timer("middle", TimerKind.BREACH, T.plusSeconds(60)));
		Instant muchLater = T.plusSeconds(86_400);

		assertThat(this.queue.pollDue(muchLater, 10)).map(ClockTimer::clockId)
			.containsExactly("early", "middle", "late");
		assertThat(this.queue.pollDue(muchLater, 10)).isEmpty();
	}

	@Test
	void aBatchHoldsAtMostTheLimitAndOnlyTimersAlreadyDue() {
		this.queue.add(timer("first", TimerKind.REMINDER, T));
		this.queue.add(timer("second", TimerKind.BREACH, T.plusSeconds(1)));
		this.queue.add(timer("third", TimerKind.BREACH, T.plusSeconds(2)));
		this.queue.add(timer("notYet", TimerKind.BREACH, T.plusSeconds(60)));

		assertThat(this.queue.pollDue(T.plusSeconds(30), 2)).map(ClockTimer::clockId)
			.containsExactly("first", "second");
		assertThat(this.queue.pollDue(T.plusSeconds(30), 2)).map(ClockTimer::clockId).containsExactly("third");
		assertThat(this.queue.pollDue(T.plusSeconds(30), 2)).isEmpty();
		assertThat(this.queue.size()).isOne();
	}

	@Test
	void theNextDueInstantIsTheEarliest() {
		assertThat(this.queue.nextDueAt()).isEmpty();

		this.queue.add(timer("b", TimerKind.BREACH, T.plusSeconds(10)));
		this.queue.add(timer("a", TimerKind.REMINDER, T));

		assertThat(this.queue.nextDueAt()).contains(T);
	}

	private static ClockTimer timer(String clockId, TimerKind kind, Instant at) {
		return new ClockTimer(clockId, new Timer(kind, at));
	}

}
