package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.List;
import java.util.function.Consumer;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;

/**
 * The {@link JournaledBackend}'s changes in an H2 MVStore file, appended in order.
 * Entries are kept in generations, one map each, keyed by their number in the generation:
 * an append only ever adds to the end of the newest map, so the store writes each entry
 * once instead of rewriting a page of other documents around it.
 *
 * <p>
 * Compaction starts a new generation, writes every live document into it (changes made
 * meanwhile go there too, in order), and then makes it the base: the older generations
 * are removed. Replay reads the base and every newer generation in order, so a compaction
 * cut short by a crash loses nothing: its generation is replayed after the older ones.
 */
final class Journal {

	private static final String GENERATION_PREFIX = "journal-";

	private static final String META = "journal-meta";

	private static final String BASE = "base";

	private final MVStore store;

	private final MVMap<String, Long> meta;

	private MVMap<Long, byte[]> current;

	private long generation;

	private long next;

	private long entriesSinceBase;

	Journal(MVStore store) {
		this.store = store;
		this.meta = store.openMap(META);
		long base = base();
		for (long older : generations()) {
			if (older < base) {
				// left by a crash between making a new base and removing what it replaced
				store.removeMap(generationName(older));
			}
		}
		List<Long> generations = generations();
		this.generation = generations.isEmpty() ? base : generations.get(generations.size() - 1);
		this.current = openGeneration(this.generation);
		Long last = this.current.lastKey();
		this.next = (last != null) ? last + 1 : 0;
	}

	/**
	 * Hands every entry, oldest first, to the consumer. Called once, at start-up, before
	 * any request is served.
	 */
	void replay(Consumer<byte[]> entries) {
		long replayed = 0;
		for (long stored : generations()) {
			MVMap<Long, byte[]> map = openGeneration(stored);
			for (byte[] entry : map.values()) {
				entries.accept(entry);
			}
			replayed += map.sizeAsLong();
		}
		synchronized (this) {
			this.entriesSinceBase = replayed;
		}
	}

	synchronized void append(byte[] entry) {
		this.current.put(this.next++, entry);
		this.entriesSinceBase++;
	}

	/** Entries that a replay would read now. */
	synchronized long entriesSinceBase() {
		return this.entriesSinceBase;
	}

	/**
	 * Starts a new generation: every later append goes there.
	 * @return the new generation, to make the base once every live document has been
	 * written into it
	 */
	synchronized long startGeneration() {
		this.generation++;
		this.current = openGeneration(this.generation);
		this.next = 0;
		this.entriesSinceBase = 0;
		return this.generation;
	}

	/** Makes the generation the base and removes the older ones. */
	void makeBase(long generation) {
		this.meta.put(BASE, generation);
		this.store.commit();
		for (long older : generations()) {
			if (older < generation) {
				this.store.removeMap(generationName(older));
			}
		}
		this.store.commit();
	}

	private long base() {
		return this.meta.getOrDefault(BASE, 0L);
	}

	private List<Long> generations() {
		return this.store.getMapNames()
			.stream()
			.filter((name) -> name.startsWith(GENERATION_PREFIX) && !name.equals(META))
			.map((name) -> Long.parseLong(name.substring(GENERATION_PREFIX.length())))
			.sorted()
			.toList();
	}

	private MVMap<Long, byte[]> openGeneration(long generation) {
		return this.store.openMap(generationName(generation),
				new MVMap.Builder<Long, byte[]>().keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
	}

	private static String generationName(long generation) {
		return GENERATION_PREFIX + generation;
	}

}
