package uk.co.healthwatchportsmouth.charter.calendar.benchmark;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;

/**
 * Deadline computations per second on one thread: random receipts anywhere in 2000-2100
 * and 1-20 working days. Not part of {@code verify}; run it with {@link #main}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DeadlineBenchmark {

	private static final int RECEIPTS = 1 << 16;

	private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

	private static final long TO = Instant.parse("2100-12-01T00:00:00Z").getEpochSecond();

	private WorkingCalendar calendar;

	private Instant[] receipts;

	private int[] workingDays;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.calendar = WorkingCalendar.englandAndWales();
		SplittableRandom random = new SplittableRandom(2026);
		this.receipts = new Instant[RECEIPTS];
		this.workingDays = new int[RECEIPTS];
		for (int i = 0; i < RECEIPTS; i++) {
			this.receipts[i] = Instant.ofEpochSecond(random.nextLong(FROM, TO), random.nextInt(1_000_000_000));
			this.workingDays[i] = random.nextInt(1, 21);
		}
	}

	@Benchmark
	public Instant closeOfBusiness() {
		int i = this.next++ & (RECEIPTS - 1);
		return this.calendar.closeOfBusiness(this.receipts[i], this.workingDays[i]);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(DeadlineBenchmark.class.getSimpleName()).build()).run();
	}

}
