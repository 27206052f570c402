package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.Arrays;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One change as the {@link Journal} keeps it, written as one BSON document: a document as
 * it now is (under its key in its collection), a document removed, or a collection
 * dropped. Each entry holds the whole document, so replaying the entries in order leaves
 * the last state of every document whatever state the replay started from.
 *
 * @param kind what changed
 * @param namespace the collection, {@code database.collection}
 * @param key what tells the document from the others of its collection: its id, or the
 * whole document in a collection without ids; its BSON, so that keys compare by value
 * @param document the document as it now is ({@link Kind#PUT} only)
 */
record JournalEntry(Kind kind, String namespace, Key key, Document document) {

	private static final String KIND = "o";

	private static final String NAMESPACE = "n";

	private static final String KEY = "k";

	private static final String DOCUMENT = "d";

	static byte[] put(String namespace, Object key, Document document) {
		return encode(new Document(KIND, Kind.PUT.code).append(NAMESPACE, namespace)
			.append(KEY, key)
			.append(DOCUMENT, document));
	}

	static byte[] remove(String namespace, Object key) {
		return encode(new Document(KIND, Kind.REMOVE.code).append(NAMESPACE, namespace).append(KEY, key));
	}

	static byte[] drop(String namespace) {
		return encode(new Document(KIND, Kind.DROP.code).append(NAMESPACE, namespace));
	}

	static JournalEntry read(byte[] bytes) {
		Document entry = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
		Kind kind = Kind.of((String) entry.get(KIND));
		String namespace = (String) entry.get(NAMESPACE);
		Key key = (kind != Kind.DROP) ? new Key(encode(new Document(KEY, entry.get(KEY)))) : null;
		return new JournalEntry(kind, namespace, key, (Document) entry.get(DOCUMENT));
	}

	private static byte[] encode(Document document) {
		ByteBuf buffer = Unpooled.buffer(512);
		try {
			BsonEncoder.encodeDocument(document, buffer);
			byte[] bytes = new byte[buffer.readableBytes()];
			buffer.readBytes(bytes);
			return bytes;
		}
		finally {
			buffer.release();
		}
	}

	enum Kind {

		PUT("p"), REMOVE("r"), DROP("x");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code.equals(code)) {
					return kind;
				}
			}
			throw new IllegalStateException("Unknown journal entry kind '" + code + "'");
		}

	}

	/** A document's key as BSON, compared byte by byte. */
	static final class Key {

		private final byte[] bson;

		Key(byte[] bson) {
			this.bson = bson;
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Key key) && Arrays.equals(this.bson, key.bson);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.bson);
		}

	}

}
