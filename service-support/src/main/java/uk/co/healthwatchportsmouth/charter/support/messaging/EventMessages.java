package uk.co.healthwatchportsmouth.charter.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;

/**
 * Turns events into Kafka-bound messages and back. Header values are raw UTF-8 bytes, as
 * the CloudEvents Kafka binding expects, so consumers that are not Spring (kcat, the
 * Kafka CLI) read them as they are.
 */
public final class EventMessages {

	private EventMessages() {
	}

	public static Message<byte[]> toMessage(CharterEvent event, String source) {
		return MessageBuilder.withPayload(EventCodec.encode(event))
			.setHeader(KafkaHeaders.KEY, bytes(event.contactId()))
			.setHeader(EventHeaders.ID, bytes(event.eventId()))
			.setHeader(EventHeaders.TYPE, bytes(event.type().wireName()))
			.setHeader(EventHeaders.SOURCE, bytes(source))
			.setHeader(EventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt())))
			.setHeader(EventHeaders.SPEC_VERSION, bytes("1.0"))
			.setHeader(EventHeaders.CONTENT_TYPE, "application/json")
			.build();
	}

	/**
	 * Reads an event from a consumed message.
	 * @throws MalformedEventException when the record is not a readable event (it belongs
	 * in the dead-letter topic)
	 */
	public static CharterEvent fromMessage(Message<?> message) {
		String type = header(message, EventHeaders.TYPE);
		if (type == null) {
			throw new MalformedEventException("Record has no " + EventHeaders.TYPE + " header");
		}
		if (!(message.getPayload() instanceof byte[] payload)) {
			throw new MalformedEventException("Record payload is not bytes: " + message.getPayload().getClass());
		}
		return EventCodec.decode(type, payload);
	}

	/** A header as text, whether it arrived as bytes (any producer) or as a string. */
	public static String header(Message<?> message, String name) {
		Object value = message.getHeaders().get(name);
		if (value instanceof byte[] raw) {
			return new String(raw, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
