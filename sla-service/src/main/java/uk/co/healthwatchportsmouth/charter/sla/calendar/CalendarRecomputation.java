package uk.co.healthwatchportsmouth.charter.sla.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockStore;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockTimer;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockVersion;
import uk.co.healthwatchportsmouth.charter.sla.clock.DeadlineClock;
import uk.co.healthwatchportsmouth.charter.sla.standard.CharterStandards;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;
import uk.co.healthwatchportsmouth.charter.sla.standard.Standard;
import uk.co.healthwatchportsmouth.charter.sla.standard.StandardKind;
import uk.co.healthwatchportsmouth.charter.sla.timer.TimerScheduler;

/**
 * Moves the deadlines of open clocks when the calendar changes: a new bank-holiday file
 * or closure days. The calendar last applied is remembered in MongoDB by its fingerprint
 * and its non-working days, so a change made while the service was down is found at
 * start-up (before any timer fires) and described in each
 * {@code sla.deadline-changed.v1}; {@link #reload()} applies a file replaced while
 * running.
 */
@Component
public class CalendarRecomputation implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CalendarRecomputation.class);

	static final String COLLECTION = "calendar";

	static final String APPLIED = "applied";

	/** Far enough ahead for any open clock's deadline, and a bounded diff. */
	private static final int YEARS_COMPARED = 3;

	private static final int ATTEMPTS = 3;

	/** The calendar last applied to the clocks. */
	record AppliedCalendar(@Id String id, String fingerprint, List<String> closedDays) {

	}

	/** What a recomputation did. */
	public record Outcome(String previousFingerprint, String fingerprint, String reason, int clocksExamined,
			int deadlinesMoved) {

	}

	private final CalendarSource calendar;

	private final CharterStandards standards;

	private final ClockStore store;

	private final TimerScheduler scheduler;

	private final MongoTemplate mongo;

	private final Clock clock;

	private volatile boolean running;

	public CalendarRecomputation(CalendarSource calendar, CharterStandards standards, ClockStore store,
			TimerScheduler scheduler, MongoTemplate mongo, Clock clock) {
		this.calendar = calendar;
		this.standards = standards;
		this.store = store;
		this.scheduler = scheduler;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Compares the calendar with the one last applied before the timers start firing. */
	@Override
	public void start() {
		Outcome outcome = applyCurrent();
		if (outcome.deadlinesMoved() > 0 || !outcome.fingerprint().equals(outcome.previousFingerprint())) {
			log.info("Calendar {} -> {}: {} of {} open clock(s) moved ({})", outcome.previousFingerprint(),
					outcome.fingerprint(), outcome.deadlinesMoved(), outcome.clocksExamined(), outcome.reason());
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the {@link TimerScheduler}, so no timer fires on a stale deadline. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	/**
	 * Reads the bank-holiday file and configuration again and moves every open clock
	 * whose deadline changes.
	 */
	public synchronized Outcome reload() {
		this.calendar.reload();
		return applyCurrent();
	}

	private synchronized Outcome applyCurrent() {
		WorkingCalendar current = this.calendar.get();
		List<String> closedDays = closedDays(current);
		AppliedCalendar applied = this.mongo.findById(APPLIED, AppliedCalendar.class, COLLECTION);
		if (applied == null) {
			this.mongo.save(new AppliedCalendar(APPLIED, current.fingerprint(), closedDays), COLLECTION);
			return new Outcome(null, current.fingerprint(), "first start", 0, 0);
		}
		if (applied.fingerprint().equals(current.fingerprint())) {
			return new Outcome(applied.fingerprint(), current.fingerprint(), "unchanged", 0, 0);
		}
		String reason = describe(applied.closedDays(), closedDays);
		List<String> ids = this.store.runningClockIds();
		int moved = 0;
		for (String id : ids) {
			if (move(id, reason)) {
				moved++;
			}
		}
		this.mongo.save(new AppliedCalendar(APPLIED, current.fingerprint(), closedDays), COLLECTION);
		return new Outcome(applied.fingerprint(), current.fingerprint(), reason, ids.size(), moved);
	}

	private boolean move(String clockId, String reason) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Optional<DeadlineClock> stored = this.store.find(clockId);
			if (stored.isEmpty()) {
				return false;
			}
			DeadlineClock deadlineClock = stored.get();
			Optional<Standard> standard = this.standards.standardNamed(deadlineClock.standard());
			if (standard.isEmpty() || standard.get().kind() != StandardKind.WORKING_DAYS) {
				return false;
			}
			if (deadlineClock.dueByAgreement()) {
				// the customer was told that date; a calendar change does not move it
				log.info("Clock {} is due on a date agreed with the customer; its deadline is not recomputed", clockId);
				return false;
			}
			if (deadlineClock.resumedAt().isPresent()) {
				// a recomputation from receipt would drop the paused time added on
				// resumption
				log.warn("Clock {} was paused; its deadline is not recomputed", clockId);
				return false;
			}
			if (standard.get().version() != deadlineClock.standardVersion()) {
				// the clock keeps the rule it started under, which is no longer
				// configured
				log.warn("Clock {} runs under {} version {}, now version {}: its deadline is not recomputed", clockId,
						deadlineClock.standard(), deadlineClock.standardVersion(), standard.get().version());
				return false;
			}
			// a clock given its working days by its event (a complaint's procedure
			// timescale) keeps that number
			Standard rule = deadlineClock.workingDays()
				.map((days) -> standard.get().withWorkingDays(days))
				.orElse(standard.get());
			Deadline recomputed = this.standards.deadline(rule, deadlineClock.startedAt(), null);
			ClockVersion before = ClockVersion.of(deadlineClock);
			Optional<DeadlineChanged> changed = deadlineClock.moveDeadline(recomputed, reason, this.clock.instant());
			if (changed.isEmpty()) {
				return false;
			}
			if (this.store.update(before, deadlineClock, List.of(changed.get()))) {
				deadlineClock.pendingTimer()
					.ifPresent((timer) -> this.scheduler.schedule(new ClockTimer(deadlineClock.id(), timer)));
				log.info("Clock {} (contact {}): deadline {} -> {}", clockId, deadlineClock.contactId(),
						changed.get().previousDueAt(), changed.get().dueAt());
				return true;
			}
		}
		log.warn("Clock {} kept changing; its deadline was not recomputed", clockId);
		return false;
	}

	/** The non-working weekdays (bank holidays and closures) from last year on. */
	private List<String> closedDays(WorkingCalendar calendar) {
		List<String> days = new ArrayList<>();
		LocalDate from = this.clock.instant().atZone(calendar.zone()).toLocalDate().minusYears(1).withDayOfYear(1);
		LocalDate to = from.plusYears(YEARS_COMPARED + 1);
		calendar.skippedDays(from, to)
			.stream()
			.filter((day) -> !"weekend".equals(day.reason()))
			.forEach((day) -> days.add(day.date() + " (" + day.reason() + ")"));
		return days;
	}

	private static String describe(List<String> before, List<String> after) {
		TreeSet<String> added = new TreeSet<>(after);
		added.removeAll(before);
		TreeSet<String> removed = new TreeSet<>(before);
		removed.removeAll(after);
		List<String> parts = new ArrayList<>();
		if (!added.isEmpty()) {
			parts.add("Now closed: " + String.join(", ", added));
		}
		if (!removed.isEmpty()) {
			parts.add("No longer closed: " + String.join(", ", removed));
		}
		if (parts.isEmpty()) {
			parts.add("Office hours or zone changed");
		}
		return String.join("; ", parts);
	}

}
