package uk.co.healthwatchportsmouth.charter.sla.contact;

/**
 * An event of a batch could not be handled: the events before it were, the rest were not
 * tried. The cause says why (a {@code MalformedEventException} when the event itself is
 * at fault).
 */
public class EventHandlingFailed extends RuntimeException {

	private final int position;

	EventHandlingFailed(int position, RuntimeException cause) {
		super("Event at position " + position + " of the batch failed: " + cause.getMessage(), cause);
		this.position = position;
	}

	/** The failed event's position in the batch, from 0. */
	public int position() {
		return this.position;
	}

}
