package uk.co.healthwatchportsmouth.charter.sla.answerphone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.AnswerphoneChecked;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.sla.SlaProperties;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;
import uk.co.healthwatchportsmouth.charter.sla.standard.Standard;
import uk.co.healthwatchportsmouth.charter.sla.standard.StandardKind;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerScheduler;

/**
 * Keeps one {@code ANSWERPHONE_CHECK} clock per working day, running from the day's
 * opening to the standard's check-by time, keyed by the synthetic key the
 * answerphone-checked event uses. Clocks are created lazily: at start-up and whenever the
 * injected clock passes a working day's opening, today's clock is made sure of (an insert
 * with an id from the date, so it exists once however often this runs). A day the service
 * was down for entirely, or that virtual time jumped over, gets no clock.
 */
@Component
public class AnswerphoneCheckClocks implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AnswerphoneCheckClocks.class);

	private final CharterStandards standards;

	private final ClockStore store;

	private final TimerScheduler scheduler;

	private final Clock clock;

	private final SlaProperties properties;

	private volatile boolean running;

	private Thread worker;

	private LocalDate ensuredDay;

	public AnswerphoneCheckClocks(CharterStandards standards, ClockStore store, TimerScheduler scheduler, Clock clock,
			SlaProperties properties) {
		this.standards = standards;
		this.store = store;
		this.scheduler = scheduler;
		this.clock = clock;
		this.properties = properties;
	}

	public static String idFor(LocalDate day) {
		return EventIds.of(AnswerphoneChecked.KEY, DeadlineClock.ANSWERPHONE_CHECK, day.toString());
	}

	/**
	 * Makes sure the check clock of a working day exists.
	 * @return the clock's id, or empty when the day is not a working day or the check is
	 * switched off
	 */
	public Optional<String> ensureClockFor(LocalDate day) {
		Optional<Standard> standard = this.standards.standardNamed(DeadlineClock.ANSWERPHONE_CHECK)
			.filter((named) -> named.kind() == StandardKind.DAILY_CHECK);
		WorkingCalendar calendar = this.standards.calendar();
		if (!this.properties.answerphone().enabled() || standard.isEmpty() || !calendar.isWorkingDay(day)) {
			return Optional.empty();
		}
		Instant opening = calendar.openingTime(day);
		Instant checkBy = ZonedDateTime.of(day, standard.get().checkBy(), calendar.zone()).toInstant();
		String id = idFor(day);
		DeadlineClock.Started started = DeadlineClock.start(id, AnswerphoneChecked.KEY,
				this.properties.answerphone().assigneeId(),
				new Deadline(standard.get().name(), standard.get().version(), opening, checkBy, List.of()),
				this.clock.instant());
		if (this.store.insert(started.clock(), started.event())) {
			started.clock().pendingTimer().ifPresent((timer) -> this.scheduler.schedule(new ClockTimer(id, timer)));
			log.info("Answerphone check clock {} for {} due {}", id, day, checkBy);
		}
		return Optional.of(id);
	}

	/** Today's clock once today is a working day past its opening. */
	void ensureToday() {
		WorkingCalendar calendar = this.standards.calendar();
		Instant now = this.clock.instant();
		LocalDate today = now.atZone(calendar.zone()).toLocalDate();
		if (today.equals(this.ensuredDay) || !calendar.isWorkingDay(today)
				|| now.isBefore(calendar.openingTime(today))) {
			return;
		}
		ensureClockFor(today);
		this.ensuredDay = today;
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.properties.answerphone().enabled()) {
			return;
		}
		long pollMillis = Math.max(1, this.properties.timers().maxSleep().toMillis());
		this.worker = Thread.ofPlatform().name("sla-answerphone-check").daemon().start(() -> {
			while (this.running) {
				try {
					ensureToday();
				}
				catch (RuntimeException ex) {
					log.warn("Could not make sure of today's answerphone check clock: {}", ex.getMessage());
				}
				try {
					Thread.sleep(pollMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		});
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
