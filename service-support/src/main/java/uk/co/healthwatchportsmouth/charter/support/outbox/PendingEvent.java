package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.time.Instant;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;

/**
 * An event waiting to be published, stored inside the document whose change caused it.
 * One document write saves the change and its events together, which is how the outbox
 * stays atomic without Mongo transactions (the embedded wire server has none).
 */
public record PendingEvent(String eventId, String type, String payload, Instant occurredAt) {

	public static PendingEvent of(CharterEvent event) {
		return new PendingEvent(event.eventId(), event.type().wireName(), EventCodec.toJson(event), event.occurredAt());
	}

	public CharterEvent event() {
		return EventCodec.decode(this.type, this.payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
