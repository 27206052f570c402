package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.messaging.Message;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;
import uk.co.healthwatchportsmouth.charter.support.tracing.TraceParents;

/**
 * An event waiting to be published, stored inside the document whose change caused it.
 * One document write saves the change and its events together, which is how the outbox
 * stays atomic without Mongo transactions (the embedded wire server has none).
 *
 * @param traceParent the W3C {@code traceparent} of the work that caused the event (null
 * when untraced), sent with the event so that its consumers continue that trace although
 * the relay publishes it later on another thread
 * @param key the Kafka record key (the event's contact id), kept so that the relay sends
 * the stored payload as it is; null in entries stored before it was kept, whose payload
 * the relay reads to find it
 */
public record PendingEvent(String eventId, String type, String payload, Instant occurredAt, String traceParent,
		String key) {

	public PendingEvent(String eventId, String type, String payload, Instant occurredAt) {
		this(eventId, type, payload, occurredAt, null, null);
	}

	public static PendingEvent of(CharterEvent event) {
		return new PendingEvent(event.eventId(), event.type().wireName(), EventCodec.toJson(event), event.occurredAt(),
				TraceParents.current().orElse(null), event.contactId());
	}

	public CharterEvent event() {
		return EventCodec.decode(this.type, this.payload.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The message that publishes this event: the stored payload as it is when the entry
	 * has its key and time, else made again from the event read from the payload.
	 */
	Message<byte[]> toMessage(String source) {
		if (this.key == null || this.occurredAt == null) {
			return EventMessages.toMessage(event(), source, this.traceParent);
		}
		return EventMessages.toMessage(new EventMessages.Encoded(this.eventId, this.type, this.key, this.occurredAt,
				this.payload.getBytes(StandardCharsets.UTF_8)), source, this.traceParent);
	}

}
