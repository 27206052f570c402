package uk.co.healthwatchportsmouth.charter.sla.clock;

/** Where a deadline clock is in its life. */
public enum ClockState {

	/** Counting down: the response is not yet given and the deadline not yet passed. */
	RUNNING,

	/** Answered by the deadline. */
	MET,

	/** The deadline passed without a response. */
	BREACHED,

	/** Answered, but only after the deadline had passed. */
	MET_AFTER_BREACH,

	/**
	 * Waiting for information from the customer: no timer fires and the working time
	 * spent here is added to the deadline on resumption.
	 */
	PAUSED,

	/** Stopped for good without being met, e.g. a promise superseded by a later one. */
	CANCELLED

}
