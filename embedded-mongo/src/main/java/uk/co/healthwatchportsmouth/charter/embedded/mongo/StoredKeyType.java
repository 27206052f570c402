package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the H2 backend's unique indexes store their keys: ordered as MongoDB orders values,
 * and written as BSON. The default type orders a key it cannot compare natively by its
 * Java serialization, so that every step of every index lookup serialized two keys: most
 * of the wire server's work when a service reads and writes documents by {@code _id}. A
 * key with a field the document lacks has no BSON form and is written in the default
 * format.
 */
final class StoredKeyType extends BasicDataType<KeyValue> {

	static final StoredKeyType INSTANCE = new StoredKeyType();

	private static final String VALUES = "v";

	private static final int KEY_OVERHEAD = 48;

	private final ObjectDataType otherKeys = new ObjectDataType();

	private final ValueComparator order = ValueComparator.ascWithoutListHandling();

	private StoredKeyType() {
	}

	@Override
	public int compare(KeyValue one, KeyValue other) {
		int fields = Math.min(one.size(), other.size());
		for (int i = 0; i < fields; i++) {
			int compared = this.order.compare(one.get(i), other.get(i));
			if (compared != 0) {
				return compared;
			}
		}
		return Integer.compare(one.size(), other.size());
	}

	@Override
	public int getMemory(KeyValue key) {
		int memory = KEY_OVERHEAD;
		for (Object value : key) {
			memory += (value instanceof String text) ? 48 + text.length() : 32;
		}
		return memory;
	}

	@Override
	public void write(WriteBuffer buffer, KeyValue key) {
		if (key.stream().anyMatch(Missing.class::isInstance)) {
			this.otherKeys.write(buffer, key);
		}
		else {
			MarkedBson.write(buffer, new Document(VALUES, new ArrayList<>(key.stream().toList())));
		}
	}

	@Override
	public KeyValue read(ByteBuffer buffer) {
		if (!MarkedBson.startsAt(buffer)) {
			return (KeyValue) this.otherKeys.read(buffer);
		}
		return new KeyValue((List<?>) MarkedBson.read(buffer).get(VALUES));
	}

	@Override
	public KeyValue[] createStorage(int size) {
		return new KeyValue[size];
	}

}
