package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;

/**
 * A BSON document in the H2 store after one marker byte. H2's default value type starts
 * what it writes with a tag from 0 to 127, so a negative first byte tells a value written
 * here from one written in the default format.
 */
final class MarkedBson {

	private static final byte MARKER = (byte) 0xB5;

	private MarkedBson() {
	}

	static boolean startsAt(ByteBuffer buffer) {
		return buffer.get(buffer.position()) == MARKER;
	}

	static void write(WriteBuffer buffer, Map<String, ?> document) {
		ByteBuf bson = encode(document);
		try {
			buffer.put(MARKER);
			buffer.put(bson.nioBuffer());
		}
		finally {
			bson.release();
		}
	}

	/** Reads the marker and the document after it. */
	static Document read(ByteBuffer buffer) {
		buffer.get();
		int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
		byte[] bson = new byte[length];
		buffer.get(bson);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
	}

	private static ByteBuf encode(Map<String, ?> document) {
		ByteBuf buffer = Unpooled.buffer(512);
		BsonEncoder.encodeDocument(document, buffer);
		return buffer;
	}

}
