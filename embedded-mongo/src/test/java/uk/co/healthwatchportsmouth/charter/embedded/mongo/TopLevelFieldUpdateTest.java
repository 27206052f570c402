package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which updates are applied in place: the shape of a clock change is, anything the
 * general path might treat differently is not (IdIndexedBackendsTest checks that those
 * taken leave what the general path leaves).
 */
class TopLevelFieldUpdateTest {

	private static final Document CLOCK = new Document("_id", "clock-1").append("state", "RUNNING");

	static Stream<Arguments> updates() {
		Document firing = new Document("$set",
				new Document("state", "BREACHED").append("breachedAt", new Date()).append("fence", 3L))
			.append("$unset", new Document("reminderAt", ""))
			.append("$push", new Document("outbox", new Document("$each", List.of(new Document("eventId", "e1")))));
		return Stream.of(Arguments.of("a timer firing", CLOCK, firing, false, true),
				Arguments.of("a single pushed value", CLOCK, new Document("$push", new Document("log", "x")), false,
						true),
				Arguments.of("an upsert", CLOCK, firing, true, false),
				Arguments.of("a selector without an _id string", new Document("_id", 7), firing, false, false),
				Arguments.of("a dotted field", CLOCK, new Document("$set", new Document("a.b", 1)), false, false),
				Arguments.of("another operator", CLOCK, new Document("$inc", new Document("remindersSent", 1)), false,
						false),
				Arguments.of("a field under two operators", CLOCK,
						new Document("$set", new Document("count", 2)).append("$unset", new Document("count", "")),
						false, false),
				Arguments.of("$each with $sort", CLOCK,
						new Document("$push",
								new Document("log", new Document("$each", List.of("b")).append("$sort", 1))),
						false, false),
				Arguments.of("a field name the server would refuse", CLOCK,
						new Document("$set", new Document("entry", new Document("$bad", 1))), false, false),
				Arguments.of("the _id itself", CLOCK, new Document("$set", new Document("_id", "other")), false,
						false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("updates")
	void onlyTheShapeOfAClockChangeIsTakenInPlace(String name, Document selector, Document update, boolean upsert,
			boolean inPlace) {
		ArrayFilters none = ArrayFilters.empty();

		assertThat(TopLevelFieldUpdate.of(selector, update, none, upsert, List.of()).isPresent()).isEqualTo(inPlace);
	}

}
