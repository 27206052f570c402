package uk.co.healthwatchportsmouth.charter.support.mongo;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A document encoded at once is byte for byte what the driver's document codec sends.
 */
class RawBsonTest {

	private static final Date WHEN = Date.from(Instant.parse("2026-12-03T10:15:30.123Z"));

	static Stream<Arguments> documents() {
		return Stream.of(
				Arguments.of("strings, numbers and booleans",
						new Document("_id", "clock-1").append("count", 3)
							.append("epoch", 12_345_678_901L)
							.append("ratio", 0.25)
							.append("open", true)),
				Arguments.of("dates and nulls", new Document("at", WHEN).append("gone", null)),
				Arguments.of("text beyond ASCII",
						new Document("café", "£5 – €5").append("post", "reply \uD83D\uDCE8 soon")
							.append("broken", "half \uD83D a pair")),
				Arguments.of("a long text", new Document("payload", "x".repeat(5_000))),
				Arguments.of("an object id", new Document("_id", new ObjectId("64b7f0c2a1b2c3d4e5f60718"))),
				Arguments.of("a conditional update",
						new Document("_id", "clock-1").append("state", "RUNNING")
							.append("$or",
									List.of(new Document("fence", new Document("$exists", false)),
											new Document("fence", new Document("$lte", 4L))))),
				Arguments.of("an update with a list of dates and a push",
						new Document("$set", new Document("reminderPoints", List.of(WHEN, WHEN)))
							.append("$unset", new Document("reminderAt", ""))
							.append("$push",
									new Document("outbox", new Document("$each",
											List.of(new Document("eventId", "e-1").append("occurredAt", WHEN)))))),
				Arguments.of("an empty document", new Document()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documents")
	void isWhatTheDriverWouldSend(String name, Document document) {
		RawBsonDocument viaCodec = new RawBsonDocument(document, new DocumentCodec());

		RawBsonDocument raw = RawBson.of(document);

		assertThat(bytes(raw)).isEqualTo(bytes(viaCodec));
		assertThat(raw).isEqualTo(viaCodec);
	}

	@Test
	void anInstantIsWrittenAsTheDateItIs() {
		assertThat(RawBson.of(Map.of("at", WHEN.toInstant()))).isEqualTo(RawBson.of(Map.of("at", WHEN)));
	}

	@Test
	void aFieldNameWithANullCharacterIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RawBson.of(Map.of("bad\0name", 1)));
	}

	@Test
	void aValueWithoutAnEncodingIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> RawBson.of(Map.of("when", new StringBuilder("now"))))
			.withMessageContaining(StringBuilder.class.getName());
	}

	private static byte[] bytes(RawBsonDocument document) {
		var buffer = document.getByteBuffer();
		return Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
	}

}
