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

		assertThat(this.queue.pollDue(T.minusMillis(1))).isEmpty();
		assertThat(this.queue.pollDue(T)).contains(timer("a", TimerKind.REMINDER, T));
		assertThat(this.queue.size()).isZero();
	}

	@Test
	void overdueTimersComeOutInDeadlineOrder() {
		this.queue.add(timer("late", TimerKind.BREACH, T.plusSeconds(7200)));
		this.queue.add(timer("early", TimerKind.REMINDER, T));
		this.queue.add(timer("middle", TimerKind.BREACH, T.plusSeconds(60)));
		Instant muchLater = T.plusSeconds(86_400);

		assertThat(this.queue.pollDue(muchLater)).map(ClockTimer::clockId).contains("early");
		assertThat(this.queue.pollDue(muchLater)).map(ClockTimer::clockId).contains("middle");
		assertThat(this.queue.pollDue(muchLater)).map(ClockTimer::clockId).contains("late");
		assertThat(this.queue.pollDue(muchLater)).isEmpty();
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
