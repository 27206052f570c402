package uk.co.healthwatchportsmouth.charter.sla.lease;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which shard a clock's timers belong to: a hash of the clock's id that is the same on
 * every instance and across releases (CRC-32 of its UTF-8 bytes), modulo the number of
 * shards.
 */
public final class TimerShards {

	private final int count;

	public TimerShards(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("at least one shard; got " + count);
		}
		this.count = count;
	}

	public int count() {
		return this.count;
	}

	public int of(String clockId) {
		CRC32 crc = new CRC32();
		crc.update(clockId.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % this.count);
	}

}
