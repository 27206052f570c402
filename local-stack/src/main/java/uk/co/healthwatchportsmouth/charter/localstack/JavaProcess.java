package uk.co.healthwatchportsmouth.charter.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts and stops child JVMs with the same Java as this one. */
final class JavaProcess {

	private JavaProcess() {
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A JVM running a main class from this process's own class path. */
	static ProcessBuilder builder(List<String> jvmOptions, String mainClass, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(ownClassPath());
		command.add(mainClass);
		command.addAll(args);
		return new ProcessBuilder(command);
	}

	/**
	 * The local stack's runtime class path: as recorded by the build when running from
	 * the module directory (a test JVM's own class path also holds test libraries), else
	 * this JVM's class path.
	 */
	static String ownClassPath() {
		Path recorded = Path.of("target", "runtime.classpath");
		if (Files.exists(recorded) && Files.isDirectory(Path.of("target", "classes"))) {
			try {
				return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
						+ Files.readString(recorded).trim();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return System.getProperty("java.class.path");
	}

	/** Asks a process to stop (SIGTERM), then forces it after the grace period. */
	static void stop(Process process, Duration grace) {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
