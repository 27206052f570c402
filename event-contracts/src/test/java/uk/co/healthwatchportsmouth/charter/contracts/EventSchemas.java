package uk.co.healthwatchportsmouth.charter.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks real payloads against the published JSON Schemas; shared with the services'
 * producer tests.
 */
public final class EventSchemas {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

	private EventSchemas() {
	}

	/**
	 * The schema violations of a payload of the given wire type; empty when it conforms.
	 */
	public static Set<String> violations(String wireName, byte[] payload) {
		EventType type = EventType.fromWireName(wireName)
			.orElseThrow(() -> new AssertionError("Unknown event type " + wireName));
		try (InputStream schemaText = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
			if (schemaText == null) {
				throw new AssertionError("No schema for " + wireName);
			}
			JsonSchema schema = FACTORY.getSchema(schemaText, CONFIG);
			JsonNode node = JSON.readTree(payload);
			return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
