package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The BSON size of a document, or of one field, so that an update made in place can keep
 * the collection's data size as the wire server counts it (the size of each whole
 * document) by measuring only the fields it changed.
 */
final class EncodedSize {

	// a document's length prefix and terminating byte
	private static final int DOCUMENT_OVERHEAD = 5;

	private EncodedSize() {
	}

	static int ofField(String key, Object value) {
		return ofDocument(new Document(key, value)) - DOCUMENT_OVERHEAD;
	}

	static int ofDocument(Map<String, ?> document) {
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
