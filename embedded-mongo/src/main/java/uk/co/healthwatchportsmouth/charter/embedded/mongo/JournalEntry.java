package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One change as the {@link Journal} keeps it, written as one BSON document: a document as
 * it now is (under its key in its collection), some of a document's top-level fields as
 * they now are (a change made in place: set, replaced or removed), a document removed, or
 * a collection dropped. Replaying the entries in order from any point leaves the last
 * state of every document that has a whole-document entry at or after that point: a
 * change of fields to a document the replay does not hold yet is passed over, as the
 * whole document follows.
 *
 * @param kind what changed
 * @param namespace the collection, {@code database.collection}
 * @param key what tells the document from the others of its collection: its id, or the
 * whole document in a collection without ids; its BSON, so that keys compare by value
 * @param document the document as it now is ({@link Kind#PUT}), or the changed fields
 * that it has ({@link Kind#FIELDS})
 * @param removedFields the changed fields that it no longer has ({@link Kind#FIELDS})
 */
record JournalEntry(Kind kind, String namespace, Key key, Document document, List<String> removedFields) {

	private static final String KIND = "o";

	private static final String NAMESPACE = "n";

	private static final String KEY = "k";

	private static final String DOCUMENT = "d";

	private static final String REMOVED_FIELDS = "u";

	private static final String ID_FIELD = "_id";

	/**
	 * What tells the document from the others of its collection: its {@code _id}, or the
	 * whole document in the collections of indexes and names, which have none.
	 */
	static Object keyOf(Document document) {
		return document.containsKey(ID_FIELD) ? document.get(ID_FIELD) : document;
	}

	static byte[] put(String namespace, Object key, Document document) {
		return encode(new Document(KIND, Kind.PUT.code).append(NAMESPACE, namespace)
			.append(KEY, key)
			.append(DOCUMENT, document));
	}

	/**
	 * The fields of the document as it now is, after a change in place: each with its
	 * value, or as removed.
	 */
	static byte[] fields(String namespace, Object key, Document document, Set<String> fields) {
		Document values = new Document();
		List<String> removed = new ArrayList<>();
		for (String field : fields) {
			if (document.containsKey(field)) {
				values.put(field, document.get(field));
			}
			else {
				removed.add(field);
			}
		}
		return encode(new Document(KIND, Kind.FIELDS.code).append(NAMESPACE, namespace)
			.append(KEY, key)
			.append(DOCUMENT, values)
			.append(REMOVED_FIELDS, removed));
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
		@SuppressWarnings("unchecked")
		List<String> removedFields = (kind == Kind.FIELDS) ? (List<String>) entry.get(REMOVED_FIELDS) : List.of();
		return new JournalEntry(kind, namespace, key, (Document) entry.get(DOCUMENT), removedFields);
	}

	/** Applies the change to the documents read back so far, by collection and key. */
	void replayInto(Map<String, Map<Key, Document>> documents) {
		switch (this.kind) {
			case PUT -> documents.computeIfAbsent(this.namespace, (namespace) -> new LinkedHashMap<>())
				.put(this.key, this.document);
			case FIELDS -> {
				Map<Key, Document> collection = documents.get(this.namespace);
				Document stored = (collection != null) ? collection.get(this.key) : null;
				if (stored != null) {
					stored.putAll(this.document);
					this.removedFields.forEach(stored::remove);
				}
			}
			case REMOVE -> {
				Map<Key, Document> collection = documents.get(this.namespace);
				if (collection != null) {
					collection.remove(this.key);
				}
			}
			case DROP -> documents.remove(this.namespace);
		}
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

		PUT("p"), FIELDS("f"), REMOVE("r"), DROP("x");

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
