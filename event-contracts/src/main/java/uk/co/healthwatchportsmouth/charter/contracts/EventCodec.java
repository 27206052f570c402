package uk.co.healthwatchportsmouth.charter.contracts;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into JSON payloads and back. Unknown properties are ignored so that adding
 * an optional field to an event never breaks an older consumer.
 */
public final class EventCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private EventCodec() {
	}

	public static byte[] encode(CharterEvent event) {
		return MAPPER.writeValueAsBytes(event);
	}

	/**
	 * Reads a payload of the given wire type.
	 * @throws MalformedEventException when the type is unknown or the payload does not
	 * fit it
	 */
	public static CharterEvent decode(String wireName, byte[] payload) {
		EventType type = EventType.fromWireName(wireName)
			.orElseThrow(() -> new MalformedEventException("Unknown event type '" + wireName + "'"));
		try {
			return MAPPER.readValue(payload, type.recordType());
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new MalformedEventException("Malformed " + wireName + " payload: " + ex.getMessage(), ex);
		}
	}

	public static String toJson(CharterEvent event) {
		return new String(encode(event), StandardCharsets.UTF_8);
	}

}
