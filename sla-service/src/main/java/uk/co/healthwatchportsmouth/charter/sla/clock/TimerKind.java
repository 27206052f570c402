package uk.co.healthwatchportsmouth.charter.sla.clock;

/** The timers a clock sets, in the order they fire. */
public enum TimerKind {

	/** A reminder point before the deadline; a clock may have several. */
	REMINDER,

	/** The deadline itself. */
	BREACH,

	/** Each working morning at opening while a breached item stays unanswered. */
	ESCALATION

}
