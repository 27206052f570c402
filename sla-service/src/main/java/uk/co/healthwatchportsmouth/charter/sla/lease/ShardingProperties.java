package uk.co.healthwatchportsmouth.charter.sla.lease;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How several instances share the timer work ({@code charter.sla.sharding.*}).
 *
 * @param shards how many shards the clocks are spread over; every instance must use the
 * same number, and it cannot change while clocks are open (start-up refuses a different
 * number from the one the store was set up with)
 * @param leaseTtl how long a shard lease lasts without renewal; an instance that dies
 * loses its shards after this
 * @param renewInterval how often an instance renews its leases and heartbeat, and
 * rebalances
 * @param maxClockSkew the most the instances' wall clocks may differ; an instance stops
 * firing a shard this long before its lease runs out
 * @param handoffPollInterval how often an owner picks up timers scheduled for its shards
 * by other instances
 * @param handoffRetention how long such a handed-off timer is kept for owners to see
 * @param reconcileInterval how often an owner reloads its shards' pending timers from the
 * store, a safety net for a timer whose handoff was never written (its instance died
 * between storing the clock and handing the timer over)
 * @param instanceId this instance's name in leases; unique per running instance, and best
 * kept across restarts (a restarted instance reclaims its own leases at once); blank
 * means the host name
 */
@Validated
@ConfigurationProperties("charter.sla.sharding")
public record ShardingProperties(@Min(1) @Max(4096) @DefaultValue("32") int shards,
		@NotNull @DefaultValue("10s") Duration leaseTtl, @NotNull @DefaultValue("3s") Duration renewInterval,
		@NotNull @DefaultValue("1s") Duration maxClockSkew,
		@NotNull @DefaultValue("250ms") Duration handoffPollInterval,
		@NotNull @DefaultValue("1m") Duration handoffRetention, @NotNull @DefaultValue("5m") Duration reconcileInterval,
		@DefaultValue("") String instanceId) {

	public ShardingProperties {
		positive("lease-ttl", leaseTtl);
		positive("renew-interval", renewInterval);
		positive("handoff-poll-interval", handoffPollInterval);
		positive("handoff-retention", handoffRetention);
		positive("reconcile-interval", reconcileInterval);
		if (maxClockSkew != null && maxClockSkew.isNegative()) {
			throw new IllegalArgumentException("charter.sla.sharding.max-clock-skew must not be negative");
		}
		if (leaseTtl != null && renewInterval != null && maxClockSkew != null
				&& renewInterval.multipliedBy(2).compareTo(leaseTtl.minus(maxClockSkew)) > 0) {
			throw new IllegalArgumentException("charter.sla.sharding.renew-interval (" + renewInterval
					+ ") must be at most half of lease-ttl minus max-clock-skew (" + leaseTtl.minus(maxClockSkew)
					+ "), so a lease is renewed at least twice before it could be taken over");
		}
		if (leaseTtl != null && handoffRetention != null && handoffRetention.compareTo(leaseTtl) < 0) {
			throw new IllegalArgumentException(
					"charter.sla.sharding.handoff-retention must be at least lease-ttl, so a new owner still sees "
							+ "timers handed to the one before it");
		}
	}

	private static void positive(String name, Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw new IllegalArgumentException("charter.sla.sharding." + name + " must be positive");
		}
	}

}
