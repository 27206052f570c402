package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.nio.ByteBuffer;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentTypeTest {

	private static final Document CLOCK = new Document("_id", "clock-1").append("state", "RUNNING")
		.append("version", 3L)
		.append("outbox", List.of(new Document("eventId", "e1").append("type", "sla.breached.v1")));

	@Test
	void aDocumentIsWrittenAsItsBsonAfterOneMarkerByte() {
		WriteBuffer buffer = new WriteBuffer();
		BsonDocumentType.INSTANCE.write(buffer, CLOCK);

		ByteBuf bson = Unpooled.buffer();
		BsonEncoder.encodeDocument(CLOCK, bson);
		ByteBuffer written = buffer.getBuffer().flip();
		assertThat(written.remaining()).isEqualTo(1 + bson.readableBytes());
		assertThat(written.get(0)).isNegative();
	}

	@Test
	void documentsOfBothFormatsReadBackSideBySide() {
		WriteBuffer buffer = new WriteBuffer();
		new ObjectDataType().write(buffer, CLOCK);
		BsonDocumentType.INSTANCE.write(buffer, CLOCK.clone().append("state", "BREACHED"));
		BsonDocumentType.INSTANCE.write(buffer, CLOCK);
		ByteBuffer written = buffer.getBuffer().flip();

		assertThat(BsonDocumentType.INSTANCE.read(written)).isEqualTo(CLOCK);
		assertThat(BsonDocumentType.INSTANCE.read(written)).isEqualTo(CLOCK.clone().append("state", "BREACHED"));
		assertThat(BsonDocumentType.INSTANCE.read(written)).isEqualTo(CLOCK);
		assertThat(written.hasRemaining()).isFalse();
	}

	@Test
	void aDocumentTakesFarLessRoomThanAsASerializedJavaObject() {
		WriteBuffer bson = new WriteBuffer();
		BsonDocumentType.INSTANCE.write(bson, CLOCK);
		WriteBuffer serialized = new WriteBuffer();
		new ObjectDataType().write(serialized, CLOCK);

		assertThat(bson.position() * 3).isLessThan(serialized.position());
	}

}
