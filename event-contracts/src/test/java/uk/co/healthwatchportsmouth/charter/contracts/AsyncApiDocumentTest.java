package uk.co.healthwatchportsmouth.charter.contracts;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml describes every event on its topic with its JSON Schema, and nothing
 * else: adding an {@link EventType} without documenting it fails here. (The document's
 * syntax is validated by the AsyncAPI CLI in ops/check.sh.)
 */
class AsyncApiDocumentTest {

	private static final Path DOCS = Path.of("..", "docs");

	private static final String SCHEMAS = "../event-contracts/src/main/resources/schemas/";

	private static final Set<String> EVENT_TOPICS = Set.of(Topics.CONTACTS, Topics.SLA, Topics.COMPLAINTS);

	private static Map<String, Object> document;

	@BeforeAll
	static void readDocument() throws IOException {
		try (Reader reader = Files.newBufferedReader(DOCS.resolve("asyncapi.yaml"))) {
			document = new Yaml().load(reader);
		}
		assertThat(document).containsEntry("asyncapi", "3.0.0");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyEventIsDocumentedOnItsTopicWithItsSchema(EventType type) {
		List<String> messageKeys = componentMessages().entrySet()
			.stream()
			.filter((entry) -> type.wireName().equals(map(entry.getValue()).get("name")))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(messageKeys).as("messages named %s", type.wireName()).hasSize(1);
		String messageKey = messageKeys.getFirst();
		Map<String, Object> message = map(componentMessages().get(messageKey));

		String schemaRef = (String) map(message.get("payload")).get("$ref");
		assertThat(schemaRef).isEqualTo(SCHEMAS + type.wireName() + ".schema.json");
		assertThat(DOCS.resolve(schemaRef)).as("schema file of %s", type.wireName()).isRegularFile();

		assertThat(addressesOfChannelsCarrying(messageKey)).as("topics of %s", type.wireName())
			.containsExactly(type.topic());
		assertThat(senders(type.topic())).as("send operations listing %s", type.wireName())
			.anySatisfy((operation) -> assertThat(refs(operation.get("messages")))
				.anySatisfy((ref) -> assertThat(resolve(ref)).isEqualTo(message)));
	}

	@Test
	void everyMessageOnAnEventTopicIsAKnownEventType() {
		Set<String> wireNames = Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toSet());
		channels().values().stream().map(AsyncApiDocumentTest::map).forEach((channel) -> {
			boolean eventTopic = EVENT_TOPICS.contains(channel.get("address"));
			for (Object reference : map(channel.get("messages")).values()) {
				Map<String, Object> message = resolve((String) map(reference).get("$ref"));
				Object payloadRef = map(message.get("payload")).get("$ref");
				boolean hasEventSchema = payloadRef instanceof String ref && ref.startsWith(SCHEMAS);
				if (eventTopic || hasEventSchema) {
					assertThat(wireNames).as("known wire names on %s", channel.get("address"))
						.contains((String) message.get("name"));
				}
			}
		});
		assertThat(componentMessages().values().stream().map((message) -> (String) map(message).get("name")))
			.filteredOn((name) -> name.contains(".v"))
			.allSatisfy((name) -> assertThat(wireNames).contains(name));
	}

	@Test
	void documentsTheCloudEventsHeadersTheServicesWrite() {
		Map<String, Object> headers = map(map(map(document.get("components")).get("schemas")).get("CloudEventHeaders"));
		assertThat(map(headers.get("properties"))).containsOnlyKeys(EventHeaders.ID, EventHeaders.TYPE,
				EventHeaders.SOURCE, EventHeaders.TIME, EventHeaders.SPEC_VERSION, EventHeaders.CONTENT_TYPE);
	}

	@Test
	void documentsTheDeadLetterTopicsOfEveryEventTopic() {
		Map<String, Object> deadLetters = map(channels().get("deadLetters"));
		assertThat(deadLetters.get("address")).isEqualTo(Topics.deadLetter("{topic}", "{group}"));
		Map<String, Object> topicParameter = map(map(deadLetters.get("parameters")).get("topic"));
		assertThat(strings(topicParameter.get("enum"))).containsExactlyInAnyOrderElementsOf(EVENT_TOPICS);
	}

	private static List<String> addressesOfChannelsCarrying(String messageKey) {
		String target = "#/components/messages/" + messageKey;
		return channels().values()
			.stream()
			.map(AsyncApiDocumentTest::map)
			.filter((channel) -> channel.get("messages") != null && map(channel.get("messages")).values()
				.stream()
				.anyMatch((reference) -> target.equals(map(reference).get("$ref"))))
			.map((channel) -> (String) channel.get("address"))
			.toList();
	}

	private static List<Map<String, Object>> senders(String topic) {
		return map(document.get("operations")).values()
			.stream()
			.map(AsyncApiDocumentTest::map)
			.filter((operation) -> "send".equals(operation.get("action")))
			.filter((operation) -> topic
				.equals(resolve((String) map(operation.get("channel")).get("$ref")).get("address")))
			.toList();
	}

	private static List<String> refs(Object references) {
		return ((List<?>) references).stream().map((reference) -> (String) map(reference).get("$ref")).toList();
	}

	/**
	 * Follows a local reference ({@code #/a/b/c}), including references to references.
	 */
	private static Map<String, Object> resolve(String ref) {
		assertThat(ref).startsWith("#/");
		Object node = document;
		for (String segment : ref.substring(2).split("/")) {
			node = map(node).get(segment);
			assertThat(node).as("target of %s", ref).isNotNull();
		}
		Map<String, Object> target = map(node);
		return (target.get("$ref") instanceof String next) ? resolve(next) : target;
	}

	private static List<String> strings(Object list) {
		assertThat(list).isInstanceOf(List.class);
		return ((List<?>) list).stream().map(String.class::cast).toList();
	}

	private static Map<String, Object> channels() {
		return map(document.get("channels"));
	}

	private static Map<String, Object> componentMessages() {
		return map(map(document.get("components")).get("messages"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

}
