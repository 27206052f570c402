package uk.co.healthwatchportsmouth.charter.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.contracts.MalformedEventException;
import uk.co.healthwatchportsmouth.charter.support.tracing.TraceParents;

/**
 * Turns events into Kafka-bound messages and back. Header values are raw UTF-8 bytes, as
 * the CloudEvents Kafka binding expects, so consumers that are not Spring (kcat, the
 * Kafka CLI) read them as they are.
 */
public final class EventMessages {

	private static final String CLOUD_EVENTS_KAFKA_PREFIX = "ce_";

	private static final List<String> CLOUD_EVENTS_PREFIXES = List.of("ce-", "ce.", "cloudEvents:", "cloudEvents_");

	private EventMessages() {
	}

	public static Message<byte[]> toMessage(CharterEvent event, String source) {
		return toMessage(event, source, null);
	}

	/**
	 * As {@link #toMessage(CharterEvent, String)}, with the W3C {@code traceparent} of
	 * the work that caused the event (if any) as a header, so consumers continue that
	 * trace.
	 */
	public static Message<byte[]> toMessage(CharterEvent event, String source, String traceParent) {
		return toMessage(new Encoded(event.eventId(), event.type().wireName(), event.contactId(), event.occurredAt(),
				EventCodec.encode(event)), source, traceParent);
	}

	/**
	 * As {@link #toMessage(CharterEvent, String, String)}, for an event encoded already
	 * (an outbox keeps events as their payload).
	 */
	public static Message<byte[]> toMessage(Encoded event, String source, String traceParent) {
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(event.payload());
		if (traceParent != null && !traceParent.isBlank()) {
			message.setHeader(TraceParents.HEADER, bytes(traceParent));
		}
		return message.setHeader(KafkaHeaders.KEY, bytes(event.contactId()))
			.setHeader(EventHeaders.ID, bytes(event.eventId()))
			.setHeader(EventHeaders.TYPE, bytes(event.type()))
			.setHeader(EventHeaders.SOURCE, bytes(source))
			.setHeader(EventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt())))
			.setHeader(EventHeaders.SPEC_VERSION, bytes("1.0"))
			.setHeader(EventHeaders.CONTENT_TYPE, "application/json")
			.build();
	}

	/**
	 * An event as its JSON payload and the facts its headers carry.
	 *
	 * @param type the event's wire name
	 * @param contactId the record key
	 */
	public record Encoded(String eventId, String type, String contactId, Instant occurredAt, byte[] payload) {

	}

	/**
	 * Reads an event from a consumed message.
	 * @throws MalformedEventException when the record is not a readable event (it belongs
	 * in the dead-letter topic)
	 */
	public static CharterEvent fromMessage(Message<?> message) {
		String type = header(message, EventHeaders.TYPE);
		if (type == null) {
			throw new MalformedEventException(
					"Record has no " + EventHeaders.TYPE + " header; it has " + message.getHeaders().keySet());
		}
		if (!(message.getPayload() instanceof byte[] payload)) {
			throw new MalformedEventException("Record payload is not bytes: " + message.getPayload().getClass());
		}
		return EventCodec.decode(type, payload);
	}

	/**
	 * The records of a batch consumed at once, each as a message with its own headers
	 * (the binder delivers a batch's headers as one list per record).
	 */
	public static List<Message<?>> split(Message<? extends List<?>> batch) {
		List<?> payloads = batch.getPayload();
		Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
		List<?> headersPerRecord = (converted instanceof List<?> list) ? list : List.of();
		List<Message<?>> records = new ArrayList<>(payloads.size());
		for (int index = 0; index < payloads.size(); index++) {
			Object payload = payloads.get(index);
			MessageBuilder<?> record = MessageBuilder.withPayload((payload != null) ? payload : new byte[0]);
			if (index < headersPerRecord.size() && headersPerRecord.get(index) instanceof Map<?, ?> headers) {
				headers.forEach((name, value) -> {
					// a message's own id and timestamp are made afresh, never copied
					if (!MessageHeaders.ID.equals(name) && !MessageHeaders.TIMESTAMP.equals(name)) {
						record.setHeader(name.toString(), value);
					}
				});
			}
			records.add(record.build());
		}
		return records;
	}

	/**
	 * A header as text, whether it arrived as bytes (any producer) or as a string.
	 * CloudEvents attributes are found under any of the protocol prefixes, because Spring
	 * Cloud Function rewrites {@code ce_} headers to its canonical prefix when it
	 * recognises a record as a cloud event.
	 */
	public static String header(Message<?> message, String name) {
		Object value = message.getHeaders().get(name);
		if (value == null && name.startsWith(CLOUD_EVENTS_KAFKA_PREFIX)) {
			String attribute = name.substring(CLOUD_EVENTS_KAFKA_PREFIX.length());
			for (String prefix : CLOUD_EVENTS_PREFIXES) {
				value = message.getHeaders().get(prefix + attribute);
				if (value != null) {
					break;
				}
			}
		}
		if (value instanceof byte[] raw) {
			return new String(raw, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
