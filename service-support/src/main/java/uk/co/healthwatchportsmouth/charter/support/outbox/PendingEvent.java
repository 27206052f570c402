package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.time.Instant;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.support.tracing.TraceParents;

/**
 * An event waiting to be published, stored inside the document whose change caused it.
 * One document write saves the change and its events together, which is how the outbox
 * stays atomic without Mongo transactions (the embedded wire server has none).
 *
 * @param traceParent the W3C {@code traceparent} of the work that caused the event (null
 * when untraced), sent with the event so that its consumers continue that trace although
 * the relay publishes it later on another thread
 */
public record PendingEvent(String eventId, String type, String payload, Instant occurredAt, String traceParent) {

	public PendingEvent(String eventId, String type, String payload, Instant occurredAt) {
		this(eventId, type, payload, occurredAt, null);
	}

	public static PendingEvent of(CharterEvent event) {
		return new PendingEvent(event.eventId(), event.type().wireName(), EventCodec.toJson(event), event.occurredAt(),
				TraceParents.current().orElse(null));
	}

	public CharterEvent event() {
		return EventCodec.decode(this.type, this.payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
