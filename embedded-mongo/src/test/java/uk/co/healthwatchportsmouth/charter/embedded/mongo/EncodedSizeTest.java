package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting a value's bytes gives what the wire server's encoder writes for it, whether
 * the value is counted directly or encoded to be counted.
 */
class EncodedSizeTest {

	static Stream<Arguments> values() {
		return Stream.of(Arguments.of("an ASCII string", "clock-1/reminder"), Arguments.of("an empty string", ""),
				Arguments.of("accents and a euro sign", "Café £5 – €5"),
				Arguments.of("a character outside the basic plane", "reply \uD83D\uDCE8 soon"),
				Arguments.of("an unpaired surrogate", "broken \uD83D here"), Arguments.of("null", null),
				Arguments.of("a boolean", true), Arguments.of("an int", 42), Arguments.of("a long", 12_345_678_901L),
				Arguments.of("a double", 0.5), Arguments.of("an instant", Instant.parse("2026-12-03T10:15:30Z")),
				Arguments.of("an object id", new ObjectId()),
				Arguments.of("an outbox entry",
						new Document("eventId", "clock-1/breached").append("type", "sla.breached.v1")
							.append("payload", "{\"clockId\":\"clock-1\",\"standard\":\"EMAIL\"}")
							.append("occurredAt", Instant.parse("2026-12-03T10:15:30Z"))),
				Arguments.of("a list of dates",
						List.of(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-04T10:00:00Z"))),
				Arguments.of("a list long enough for two-digit indexes",
						IntStream.range(0, 123).mapToObj((n) -> "entry-" + n).toList()),
				Arguments.of("a set", Set.of("only")),
				Arguments.of("nested documents in a list",
						List.of(new Document("a", new Document("b", List.of(1, 2L, "three"))))),
				Arguments.of("a UUID (encoded to be counted)", UUID.randomUUID()),
				Arguments.of("binary data (encoded to be counted)", new BinData(new byte[] { 1, 2, 3 })),
				Arguments.of("a decimal (encoded to be counted)", new Decimal128(12L, 34L)), Arguments
					.of("a regular expression (encoded to be counted)", new BsonRegularExpression("^clock-", "i")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("values")
	void isWhatTheEncoderWrites(String name, Object value) {
		Document document = new Document("_id", "clock-1").append("fïeld", value);

		assertThat(EncodedSize.ofDocument(document)).isEqualTo(encoded(document));
		assertThat(EncodedSize.ofField("fïeld", value))
			.isEqualTo(encoded(document) - encoded(new Document("_id", "clock-1")));
	}

	private static int encoded(Document document) {
		ByteBuf buffer = Unpooled.buffer();
		try {
			BsonEncoder.encodeDocument(document, buffer);
			return buffer.writerIndex();
		}
		finally {
			buffer.release();
		}
	}

}
