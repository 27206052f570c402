package uk.co.healthwatchportsmouth.charter.sla.clock;

/** The timers a running clock sets, in the order they fire. */
public enum TimerKind {

	REMINDER, BREACH

}
