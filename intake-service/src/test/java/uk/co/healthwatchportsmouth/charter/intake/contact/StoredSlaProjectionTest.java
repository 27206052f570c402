package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Contacts stored before clocks could pause or be cancelled keep reading. */
class StoredSlaProjectionTest {

	private static final Instant FRIDAY = Instant.parse("2026-11-27T17:00:00Z");

	@Test
	void aProjectionStoredBeforePausesExistedStillCounts() {
		MongoCustomConversions conversions = new MongoCustomConversions(List.of());
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		Document stored = new Document("dueAt", Date.from(FRIDAY)).append("breached", true)
			.append("revision", 2L)
			.append("clocks",
					List.of(new Document("clockId", "first").append("dueAt", Date.from(FRIDAY))
						.append("breached", true)
						.append("met", false)
						.append("appliedEventIds", List.of("first-started", "first-breached"))));

		SlaProjection.Clock clock = converter.read(SlaProjection.class, stored).clocks().get(0);

		assertThat(clock.paused()).isFalse();
		assertThat(clock.cancelled()).isFalse();
		assertThat(clock.counting()).isTrue();
	}

}
