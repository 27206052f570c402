package uk.co.healthwatchportsmouth.charter.support.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the load harnesses report about the machine alongside their results: how busy it
 * was and how much memory this JVM (or a child process) holds (Linux only; "unknown"
 * elsewhere).
 */
public final class MachineReadings {

	private MachineReadings() {
	}

	/** The contents of {@code /proc/loadavg}: load averages over 1, 5 and 15 minutes. */
	public static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** This JVM's resident memory now (VmRSS) and at its peak (VmHWM). */
	public static String rss() {
		return rss("self");
	}

	/** Another process's resident memory now (VmRSS) and at its peak (VmHWM). */
	public static String rss(ProcessHandle process) {
		return rss(Long.toString(process.pid()));
	}

	private static String rss(String pid) {
		try {
			return Files.readAllLines(Path.of("/proc", pid, "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS") || line.startsWith("VmHWM"))
				.map((line) -> line.replaceAll("\\s+", " "))
				.reduce((a, b) -> a + ", " + b)
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
