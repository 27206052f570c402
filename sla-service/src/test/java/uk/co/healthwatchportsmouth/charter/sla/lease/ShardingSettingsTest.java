package uk.co.healthwatchportsmouth.charter.sla.lease;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShardingSettingsTest {

	@Test
	void aClockAlwaysFallsInTheSameShard() {
		TimerShards shards = new TimerShards(32);

		assertThat(shards.of("clock-1")).isEqualTo(new TimerShards(32).of("clock-1"))
			.as("CRC-32, not String.hashCode, so the shard is stable across JVMs and releases")
			.isEqualTo((int) (crc("clock-1") % 32));
	}

	@Test
	void clocksSpreadOverEveryShard() {
		TimerShards shards = new TimerShards(32);
		Map<Integer, Integer> perShard = new HashMap<>();
		IntStream.range(0, 32_000)
			.forEach((i) -> perShard.merge(shards.of(UUID.randomUUID().toString()), 1, Integer::sum));

		assertThat(perShard).hasSize(32);
		assertThat(perShard.values()).allMatch((count) -> count > 700 && count < 1300);
	}

	@ParameterizedTest(name = "ttl {0}, renew {1}, skew {2}, retention {3}")
	@CsvSource({ "10s, 6s, 1s, 1m", "10s, 3s, -1s, 1m", "10s, 0s, 1s, 1m", "10s, 3s, 1s, 5s" })
	void inconsistentTimingsAreRefused(String ttl, String renew, String skew, String retention) {
		assertThatIllegalArgumentException().isThrownBy(() -> new ShardingProperties(32, duration(ttl), duration(renew),
				duration(skew), Duration.ofMillis(250), duration(retention), Duration.ofMinutes(5), ""));
	}

	@Test
	void theDefaultsAreConsistent() {
		ShardingProperties defaults = new ShardingProperties(32, Duration.ofSeconds(10), Duration.ofSeconds(3),
				Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofMinutes(1), Duration.ofMinutes(5), "");

		assertThat(defaults.renewInterval().multipliedBy(2))
			.isLessThanOrEqualTo(defaults.leaseTtl().minus(defaults.maxClockSkew()));
	}

	private static Duration duration(String text) {
		return Duration.parse("PT" + text.toUpperCase());
	}

	private static long crc(String text) {
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return crc.getValue();
	}

}
