package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Escalated;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.sla.standard.Deadline;

/**
 * The countdown to a contact's first response. It runs until the customer is answered or
 * the deadline passes, reminding the assignee at its reminder points on the way; once
 * breached it escalates each working morning until the customer is answered. Its methods
 * return the events they cause; storing the new state and those events together is the
 * caller's job.
 *
 * <p>
 * Instants are kept to the millisecond, the resolution the store keeps, so a clock read
 * back compares equal to the one written (timer conditions depend on it).
 */
public final class DeadlineClock {

	/** What this clock times; part of its deterministic id. */
	public static final String FIRST_RESPONSE = "FIRST_RESPONSE";

	/**
	 * The daily answerphone check. A missed check is not escalated: the next working day
	 * has its own check clock.
	 */
	public static final String ANSWERPHONE_CHECK = "ANSWERPHONE_CHECK";

	/** The standard, and id part, of the clock a holding reply's promise starts. */
	public static final String PROMISED_RESPONSE = "PROMISED_RESPONSE";

	private final String id;

	private final String contactId;

	private final String standard;

	private final int standardVersion;

	private String assigneeId;

	private final Instant startedAt;

	private Instant dueAt;

	private List<Instant> reminderPoints;

	private int remindersSent;

	private ClockState state;

	private Instant reminderSentAt;

	private Instant breachedAt;

	private Instant respondedAt;

	private int escalationsSent;

	private Instant nextEscalationAt;

	private Instant pausedAt;

	private Instant resumedAt;

	private Instant cancelledAt;

	private boolean resolvedAtFirstContact;

	private final Integer workingDays;

	private boolean dueByAgreement;

	/**
	 * Everything a clock holds, as stored.
	 *
	 * @param workingDays the working days this clock was given when they came from the
	 * event that started it rather than from its standard (a complaint's procedure
	 * timescale), otherwise {@code null}
	 * @param dueByAgreement whether the deadline is a date agreed with the customer (an
	 * extension), which no calendar change may move
	 */
	public record Snapshot(String id, String contactId, String standard, int standardVersion, String assigneeId,
			Instant startedAt, Instant dueAt, List<Instant> reminderPoints, int remindersSent, ClockState state,
			Instant reminderSentAt, Instant breachedAt, Instant respondedAt, int escalationsSent,
			Instant nextEscalationAt, Instant pausedAt, Instant resumedAt, Instant cancelledAt,
			boolean resolvedAtFirstContact, Integer workingDays, boolean dueByAgreement) {

		/** A clock whose deadline comes from its standard. */
		public Snapshot(String id, String contactId, String standard, int standardVersion, String assigneeId,
				Instant startedAt, Instant dueAt, List<Instant> reminderPoints, int remindersSent, ClockState state,
				Instant reminderSentAt, Instant breachedAt, Instant respondedAt, int escalationsSent,
				Instant nextEscalationAt, Instant pausedAt, Instant resumedAt, Instant cancelledAt,
				boolean resolvedAtFirstContact) {
			this(id, contactId, standard, standardVersion, assigneeId, startedAt, dueAt, reminderPoints, remindersSent,
					state, reminderSentAt, breachedAt, respondedAt, escalationsSent, nextEscalationAt, pausedAt,
					resumedAt, cancelledAt, resolvedAtFirstContact, null, false);
		}

	}

	private DeadlineClock(Snapshot snapshot) {
		this.id = Objects.requireNonNull(snapshot.id(), "id");
		this.contactId = Objects.requireNonNull(snapshot.contactId(), "contactId");
		this.standard = Objects.requireNonNull(snapshot.standard(), "standard");
		this.standardVersion = snapshot.standardVersion();
		this.assigneeId = snapshot.assigneeId();
		this.startedAt = millis(Objects.requireNonNull(snapshot.startedAt(), "startedAt"));
		this.dueAt = millis(Objects.requireNonNull(snapshot.dueAt(), "dueAt"));
		this.reminderPoints = millis(snapshot.reminderPoints());
		this.remindersSent = snapshot.remindersSent();
		this.state = Objects.requireNonNull(snapshot.state(), "state");
		this.reminderSentAt = millis(snapshot.reminderSentAt());
		this.breachedAt = millis(snapshot.breachedAt());
		this.respondedAt = millis(snapshot.respondedAt());
		this.escalationsSent = snapshot.escalationsSent();
		this.nextEscalationAt = millis(snapshot.nextEscalationAt());
		this.pausedAt = millis(snapshot.pausedAt());
		this.resumedAt = millis(snapshot.resumedAt());
		this.cancelledAt = millis(snapshot.cancelledAt());
		this.resolvedAtFirstContact = snapshot.resolvedAtFirstContact();
		this.workingDays = snapshot.workingDays();
		this.dueByAgreement = snapshot.dueByAgreement();
	}

	/** A clock started for a contact, and the event that announces it. */
	public record Started(DeadlineClock clock, ClockStarted event) {

	}

	public static String idFor(String contactId) {
		return EventIds.of(contactId, FIRST_RESPONSE);
	}

	/**
	 * The id of the clock a promise starts: a new promise is a new clock, the same
	 * promise delivered again the same clock.
	 */
	public static String promisedIdFor(String contactId, Instant promisedBy) {
		return EventIds.of(contactId, PROMISED_RESPONSE, millis(promisedBy).toString());
	}

	public static Started start(String contactId, String assigneeId, Deadline deadline, Instant now) {
		return start(idFor(contactId), contactId, assigneeId, deadline, now);
	}

	public static Started start(String clockId, String contactId, String assigneeId, Deadline deadline, Instant now) {
		return start(clockId, contactId, assigneeId, deadline, null, now);
	}

	/**
	 * Starts a clock whose working days came with the event that started it, e.g. the
	 * response timescale of the complaints procedure.
	 * @param workingDays the working days the deadline was worked out with, or
	 * {@code null} when they are the standard's
	 */
	public static Started start(String clockId, String contactId, String assigneeId, Deadline deadline,
			Integer workingDays, Instant now) {
		DeadlineClock clock = new DeadlineClock(new Snapshot(clockId, contactId, deadline.standard(),
				deadline.standardVersion(), assigneeId, deadline.startedAt(), deadline.dueAt(), deadline.reminders(), 0,
				ClockState.RUNNING, null, null, null, 0, null, null, null, null, false, workingDays, false));
		ClockStarted started = new ClockStarted(clock.eventId("started"), millis(now), clock.id, contactId,
				clock.standard, assigneeId, clock.startedAt, clock.dueAt, clock.reminderAt().orElse(null));
		return new Started(clock, started);
	}

	/** Rebuilds a clock from what was stored. */
	public static DeadlineClock restore(Snapshot snapshot) {
		return new DeadlineClock(snapshot);
	}

	public Snapshot snapshot() {
		return new Snapshot(this.id, this.contactId, this.standard, this.standardVersion, this.assigneeId,
				this.startedAt, this.dueAt, this.reminderPoints, this.remindersSent, this.state, this.reminderSentAt,
				this.breachedAt, this.respondedAt, this.escalationsSent, this.nextEscalationAt, this.pausedAt,
				this.resumedAt, this.cancelledAt, this.resolvedAtFirstContact, this.workingDays, this.dueByAgreement);
	}

	/**
	 * The timer that fires next, if any: each reminder point until all are sent, then the
	 * breach, then an escalation each working morning while the breach stays unanswered.
	 */
	public Optional<Timer> pendingTimer() {
		return switch (this.state) {
			case RUNNING -> Optional.of(reminderAt().map((at) -> new Timer(TimerKind.REMINDER, at))
				.orElseGet(() -> new Timer(TimerKind.BREACH, this.dueAt)));
			case BREACHED ->
				Optional.ofNullable(this.nextEscalationAt).map((at) -> new Timer(TimerKind.ESCALATION, at));
			case MET, MET_AFTER_BREACH, PAUSED, CANCELLED -> Optional.empty();
		};
	}

	/**
	 * Fires the pending timer.
	 * @param calendar decides the working mornings escalations fall on
	 * @throws IllegalStateException when the timer is not the pending one or is not yet
	 * due: a timer never fires early or twice
	 */
	public CharterEvent fire(Timer timer, Instant now, WorkingCalendar calendar) {
		if (!pendingTimer().filter(timer::equals).isPresent()) {
			throw new IllegalStateException("Timer " + timer + " is not pending on clock " + this.id + " (" + this.state
					+ ", pending " + pendingTimer().orElse(null) + ")");
		}
		if (!timer.isDueAt(now)) {
			throw new IllegalStateException("Timer " + timer + " is not due at " + now);
		}
		return switch (timer.kind()) {
			case REMINDER -> fireReminder(now);
			case BREACH -> fireBreach(now, calendar);
			case ESCALATION -> fireEscalation(now, calendar);
		};
	}

	/**
	 * Sends one reminder. When the service was down past several reminder points, only
	 * the latest of them is sent: the earlier ones are stale and would only repeat it.
	 */
	private ReminderDue fireReminder(Instant now) {
		int point = this.remindersSent;
		while (point + 1 < this.reminderPoints.size() && !this.reminderPoints.get(point + 1).isAfter(now)) {
			point++;
		}
		this.remindersSent = point + 1;
		this.reminderSentAt = millis(now);
		Instant scheduledAt = this.reminderPoints.get(point);
		// the first point keeps the id a single reminder always had
		String eventId = (point == 0) ? eventId("reminder")
				: EventIds.of(this.id, "reminder", Integer.toString(point + 1));
		return new ReminderDue(eventId, this.reminderSentAt, this.id, this.contactId, this.standard, this.assigneeId,
				this.dueAt, scheduledAt, this.reminderSentAt);
	}

	private Breached fireBreach(Instant now, WorkingCalendar calendar) {
		this.state = ClockState.BREACHED;
		this.breachedAt = millis(now);
		this.nextEscalationAt = (calendar != null && !ANSWERPHONE_CHECK.equals(this.standard))
				? millis(firstOpeningAfter(this.dueAt, calendar)) : null;
		return new Breached(eventId("breached"), this.breachedAt, this.id, this.contactId, this.standard,
				this.assigneeId, this.dueAt, this.dueAt, this.breachedAt);
	}

	/**
	 * Escalates once. After an outage spanning several mornings only one escalation is
	 * sent, numbered by the mornings passed since the breach.
	 */
	private Escalated fireEscalation(Instant now, WorkingCalendar calendar) {
		Instant scheduledAt = this.nextEscalationAt;
		int escalation = this.escalationsSent + 1;
		Instant next = firstOpeningAfter(scheduledAt, calendar);
		while (!next.isAfter(now)) {
			scheduledAt = next;
			escalation++;
			next = firstOpeningAfter(next, calendar);
		}
		this.escalationsSent = escalation;
		this.nextEscalationAt = millis(next);
		Instant firedAt = millis(now);
		return new Escalated(EventIds.of(this.id, "escalated", Integer.toString(escalation)), firedAt, this.id,
				this.contactId, this.standard, this.assigneeId, this.dueAt, escalation, scheduledAt, firedAt);
	}

	/** The opening of the first working morning strictly after an instant. */
	static Instant firstOpeningAfter(Instant instant, WorkingCalendar calendar) {
		LocalDate day = instant.atZone(calendar.zone()).toLocalDate();
		if (calendar.isWorkingDay(day) && calendar.openingTime(day).isAfter(instant)) {
			return calendar.openingTime(day);
		}
		return calendar.openingTime(calendar.nextWorkingDayAfter(day));
	}

	/**
	 * Records that the customer was answered at {@code respondedAt}. An answer by the
	 * deadline meets the clock. An answer after it, on a clock whose breach timer has not
	 * fired yet (the service was down, or the answer was logged late), breaches it first,
	 * since that fact must be told; on a breached clock it changes the state only and
	 * stops the escalations. A clock already answered ignores further answers.
	 */
	public List<CharterEvent> respond(Instant respondedAt, Instant now) {
		Instant answeredAt = millis(Objects.requireNonNull(respondedAt, "respondedAt"));
		return switch (this.state) {
			case MET, MET_AFTER_BREACH, CANCELLED -> List.of();
			case PAUSED -> {
				// paused time does not count, so an answer while waiting is always in
				// time
				this.state = ClockState.MET;
				this.respondedAt = answeredAt;
				yield List.of(new Met(eventId("met"), millis(now), this.id, this.contactId, this.standard,
						this.assigneeId, this.dueAt, answeredAt));
			}
			case BREACHED -> {
				this.state = ClockState.MET_AFTER_BREACH;
				this.respondedAt = answeredAt;
				this.nextEscalationAt = null;
				yield List.of();
			}
			case RUNNING -> {
				if (!answeredAt.isAfter(this.dueAt)) {
					this.state = ClockState.MET;
					this.respondedAt = answeredAt;
					yield List.of(new Met(eventId("met"), millis(now), this.id, this.contactId, this.standard,
							this.assigneeId, this.dueAt, answeredAt));
				}
				Breached breached = fireBreach(now, null);
				this.state = ClockState.MET_AFTER_BREACH;
				this.respondedAt = answeredAt;
				yield List.of(breached);
			}
		};
	}

	/**
	 * Records that the contact was resolved during the first contact itself. It answers
	 * the clock like any response; when that answer meets the clock, the clock remembers
	 * it was met by a first-contact resolution (the compliance report's resolution rate).
	 */
	public List<CharterEvent> resolveAtFirstContact(Instant resolvedAt, Instant now) {
		ClockState before = this.state;
		List<CharterEvent> caused = respond(resolvedAt, now);
		if (before != ClockState.MET && this.state == ClockState.MET) {
			this.resolvedAtFirstContact = true;
		}
		return caused;
	}

	/** Whether this is the contact's first-response clock (not a promise or a check). */
	public boolean isFirstResponse() {
		return this.id.equals(idFor(this.contactId));
	}

	/**
	 * Stops the count while staff wait for information from the customer. A request older
	 * than the last resumption is a redelivery of one already answered and changes
	 * nothing.
	 */
	public Optional<ClockPaused> pause(Instant requestedAt, Instant now) {
		Instant at = millis(Objects.requireNonNull(requestedAt, "requestedAt"));
		if (this.state != ClockState.RUNNING || (this.resumedAt != null && !at.isAfter(this.resumedAt))) {
			return Optional.empty();
		}
		this.state = ClockState.PAUSED;
		this.pausedAt = at;
		return Optional.of(new ClockPaused(EventIds.of(this.id, "paused", at.toString()), millis(now), this.id,
				this.contactId, this.standard, this.assigneeId, this.dueAt, at));
	}

	/**
	 * Counts again once the information arrived. The working time spent paused does not
	 * count, so the deadline and the reminders still to come move later by exactly that
	 * working time; time outside office hours while paused moves nothing.
	 */
	public Optional<ClockResumed> resume(Instant receivedAt, Instant now, WorkingCalendar calendar) {
		if (this.state != ClockState.PAUSED) {
			return Optional.empty();
		}
		Instant at = millis(Objects.requireNonNull(receivedAt, "receivedAt"));
		Duration paused = calendar.workingTimeBetween(this.pausedAt, at);
		Instant previousDueAt = this.dueAt;
		if (!paused.isZero()) {
			this.dueAt = millis(calendar.plusWorkingTime(previousDueAt, paused));
			List<Instant> points = new ArrayList<>(this.reminderPoints.subList(0, this.remindersSent));
			for (Instant point : this.reminderPoints.subList(this.remindersSent, this.reminderPoints.size())) {
				Instant moved = millis(calendar.plusWorkingTime(point, paused));
				if (moved.isBefore(this.dueAt)) {
					points.add(moved);
				}
			}
			this.reminderPoints = List.copyOf(points);
		}
		this.state = ClockState.RUNNING;
		this.resumedAt = at;
		return Optional.of(new ClockResumed(EventIds.of(this.id, "resumed", this.pausedAt.toString()), millis(now),
				this.id, this.contactId, this.standard, this.assigneeId, this.pausedAt, at, previousDueAt, this.dueAt));
	}

	/**
	 * Stops an open clock for good without meeting it, e.g. a promise superseded by a
	 * later one. A breached clock stops escalating; its breach was already told.
	 */
	public Optional<ClockCancelled> cancel(String reasonCode, Instant cancelledAt, Instant now) {
		if (!isOpen()) {
			return Optional.empty();
		}
		this.state = ClockState.CANCELLED;
		this.cancelledAt = millis(cancelledAt);
		this.nextEscalationAt = null;
		return Optional.of(new ClockCancelled(eventId("cancelled"), millis(now), this.id, this.contactId, this.standard,
				this.assigneeId, this.dueAt, this.cancelledAt, reasonCode));
	}

	/**
	 * Gives an open clock a new assignee, whom later reminders, breaches and escalations
	 * name.
	 * @return whether the assignee changed
	 */
	public boolean reassign(String toAssigneeId) {
		if (!isOpen() || Objects.equals(this.assigneeId, toAssigneeId)) {
			return false;
		}
		this.assigneeId = toAssigneeId;
		return true;
	}

	/** Still owed something: counting, paused, or breached and escalating. */
	public boolean isOpen() {
		return this.state == ClockState.RUNNING || this.state == ClockState.PAUSED || this.state == ClockState.BREACHED;
	}

	/**
	 * Moves the deadline of a running clock after the calendar changed. Reminders already
	 * sent stay sent; the points still to come are replaced by the new ones after the
	 * last reminder sent.
	 * @return the event saying old and new deadline and why, or empty when the deadline
	 * did not move or the clock is no longer running
	 */
	public Optional<DeadlineChanged> moveDeadline(Deadline recomputed, String reason, Instant now) {
		Instant newDueAt = millis(recomputed.dueAt());
		if (this.state != ClockState.RUNNING || newDueAt.equals(this.dueAt)) {
			return Optional.empty();
		}
		Instant previousDueAt = this.dueAt;
		this.reminderPoints = replannedReminders(recomputed.reminders(), newDueAt);
		this.dueAt = newDueAt;
		return Optional.of(new DeadlineChanged(EventIds.of(this.id, "deadline-changed", newDueAt.toString()),
				millis(now), this.id, this.contactId, this.standard, this.assigneeId, previousDueAt, newDueAt, reason));
	}

	/**
	 * Moves the deadline to a date agreed with the customer (a complaint's extension):
	 * from then on the agreed deadline is the one that counts and is reported, and no
	 * calendar change moves it again.
	 *
	 * <p>
	 * A running clock gets the new deadline and the reminder points still to come are
	 * replaced by {@code reminders} (those after the last reminder sent), exactly as a
	 * calendar change moves a deadline.
	 *
	 * <p>
	 * A clock already breached stays breached: the breach happened and was told, and is
	 * still counted (the breach event is never withdrawn or sent twice). Its deadline
	 * moves to the agreed one all the same, so what is reported from then on is the new
	 * date, and the daily escalations stop until the agreed deadline passes: from the
	 * first working morning after it they go on (numbered on from the earlier ones) if
	 * the response is still not sent. A calendar change, by contrast, moves only running
	 * clocks; an agreement is the customer's, so it applies to a breached clock too.
	 * @param newDueAt the agreed deadline
	 * @param reminders the reminder points planned for the agreed deadline
	 * @param calendar decides the working morning escalations resume on
	 * @return the event saying old and new deadline and why, or empty when the clock is
	 * met, cancelled or paused, or already due at that time (a redelivered agreement)
	 */
	public Optional<DeadlineChanged> moveDeadlineByAgreement(Instant newDueAt, List<Instant> reminders, String reason,
			Instant now, WorkingCalendar calendar) {
		Instant agreedDueAt = millis(Objects.requireNonNull(newDueAt, "newDueAt"));
		if ((this.state != ClockState.RUNNING && this.state != ClockState.BREACHED) || agreedDueAt.equals(this.dueAt)) {
			return Optional.empty();
		}
		Instant previousDueAt = this.dueAt;
		if (this.state == ClockState.RUNNING) {
			this.reminderPoints = replannedReminders(reminders, agreedDueAt);
		}
		else {
			this.nextEscalationAt = millis(firstOpeningAfter(agreedDueAt, calendar));
		}
		this.dueAt = agreedDueAt;
		this.dueByAgreement = true;
		return Optional
			.of(new DeadlineChanged(EventIds.of(this.id, "deadline-changed", agreedDueAt.toString()), millis(now),
					this.id, this.contactId, this.standard, this.assigneeId, previousDueAt, agreedDueAt, reason));
	}

	/** The reminders sent so far, then the new points after the last sent one. */
	private List<Instant> replannedReminders(List<Instant> planned, Instant newDueAt) {
		List<Instant> points = new ArrayList<>(this.reminderPoints.subList(0, this.remindersSent));
		Instant lastSent = points.isEmpty() ? null : points.get(points.size() - 1);
		for (Instant point : millis(planned)) {
			if ((lastSent == null || point.isAfter(lastSent)) && point.isBefore(newDueAt)) {
				points.add(point);
			}
		}
		return List.copyOf(points);
	}

	private String eventId(String fact) {
		return EventIds.of(this.id, fact);
	}

	private static Instant millis(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}

	private static List<Instant> millis(List<Instant> instants) {
		return (instants != null) ? instants.stream().map(DeadlineClock::millis).toList() : List.of();
	}

	public String id() {
		return this.id;
	}

	public String contactId() {
		return this.contactId;
	}

	public String standard() {
		return this.standard;
	}

	public int standardVersion() {
		return this.standardVersion;
	}

	public String assigneeId() {
		return this.assigneeId;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Instant dueAt() {
		return this.dueAt;
	}

	/** The next reminder still to be sent, if any. */
	public Optional<Instant> reminderAt() {
		if (this.state != ClockState.RUNNING || this.remindersSent >= this.reminderPoints.size()) {
			return Optional.empty();
		}
		return Optional.of(this.reminderPoints.get(this.remindersSent));
	}

	public List<Instant> reminderPoints() {
		return this.reminderPoints;
	}

	public int remindersSent() {
		return this.remindersSent;
	}

	public ClockState state() {
		return this.state;
	}

	public Optional<Instant> reminderSentAt() {
		return Optional.ofNullable(this.reminderSentAt);
	}

	public Optional<Instant> breachedAt() {
		return Optional.ofNullable(this.breachedAt);
	}

	public Optional<Instant> respondedAt() {
		return Optional.ofNullable(this.respondedAt);
	}

	public int escalationsSent() {
		return this.escalationsSent;
	}

	public Optional<Instant> nextEscalationAt() {
		return Optional.ofNullable(this.nextEscalationAt);
	}

	public Optional<Instant> pausedAt() {
		return Optional.ofNullable(this.pausedAt);
	}

	public Optional<Instant> resumedAt() {
		return Optional.ofNullable(this.resumedAt);
	}

	public Optional<Instant> cancelledAt() {
		return Optional.ofNullable(this.cancelledAt);
	}

	/** Whether the clock was met by a resolution at first contact. */
	public boolean resolvedAtFirstContact() {
		return this.resolvedAtFirstContact;
	}

	/**
	 * The working days the clock was given by the event that started it, when they are
	 * not its standard's.
	 */
	public Optional<Integer> workingDays() {
		return Optional.ofNullable(this.workingDays);
	}

	/** Whether the deadline is a date agreed with the customer. */
	public boolean dueByAgreement() {
		return this.dueByAgreement;
	}

}
