package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the H2 backend kept in a map whose keys are a {@link StoredKeyType}:
 * the plain backend's index, with keys that are cheap to compare.
 */
final class StoredUniqueIndex extends AbstractUniqueIndex<Object> {

	private final MVMap<KeyValue, Object> positions;

	StoredUniqueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.positions = positions;
	}

	@Override
	protected Object removeDocument(KeyValue key) {
		return this.positions.remove(key);
	}

	@Override
	protected boolean putKeyPosition(KeyValue key, Object position) {
		return this.positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
		return this.positions.entrySet();
	}

	@Override
	protected Object getPosition(KeyValue key) {
		return this.positions.get(key);
	}

	@Override
	public long getCount() {
		return this.positions.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.positions.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

}
