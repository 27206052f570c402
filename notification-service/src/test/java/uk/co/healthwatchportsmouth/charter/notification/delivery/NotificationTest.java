package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.notification.delivery.Notification.Status;
import uk.co.healthwatchportsmouth.charter.notification.delivery.Recipient.Role;
import uk.co.healthwatchportsmouth.charter.notification.mail.Alert;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffDirectory;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NotificationTest {

	private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

	private static final Instant DUE = Instant.parse("2026-11-26T17:00:00Z");

	private static final StaffDirectory STAFF = new StaffDirectory(
			List.of(new StaffMember("jo", "Jo", "jo@charter.local", "enquiries", "sam", true),
					new StaffMember("sam", "Sam", "sam@charter.local", "enquiries", null, true),
					new StaffMember("lee", "Lee", "lee@charter.local", "enquiries", "max", true),
					new StaffMember("max", "Max", "max@charter.local", "enquiries", null, false),
					new StaffMember("kit", "Kit", "kit@charter.local", "enquiries", null, false)));

	private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 2);

	@Test
	void aReminderGoesToTheAssigneeAlone() {
		Notification notification = plan(Alert.Kind.REMINDER, "jo");

		assertThat(notification.status()).isEqualTo(Status.PENDING);
		assertThat(notification.recipients()).containsExactly(new Recipient(Role.TO, "jo", "Jo", "jo@charter.local"));
		assertThat(notification.nextAttemptAt()).isEqualTo(NOW);
		assertThat(notification.attempts()).isZero();
		assertThat(notification.messageId()).isEqualTo("<event-1@charter.healthwatchportsmouth>");
	}

	@Test
	void aBreachGoesToTheAssigneeWithTheirManagerCopiedIn() {
		Notification notification = plan(Alert.Kind.BREACH, "jo");

		assertThat(notification.recipients(Role.TO))
			.containsExactly(new Recipient(Role.TO, "jo", "Jo", "jo@charter.local"));
		assertThat(notification.recipients(Role.CC))
			.containsExactly(new Recipient(Role.CC, "sam", "Sam", "sam@charter.local"));
	}

	@Test
	void anEscalationCopiesTheManagerInButADeadlineChangeDoesNot() {
		assertThat(plan(Alert.Kind.ESCALATION, "jo").recipients()).extracting(Recipient::staffId)
			.containsExactly("jo", "sam");
		assertThat(plan(Alert.Kind.DEADLINE_CHANGED, "jo").recipients()).extracting(Recipient::staffId)
			.containsExactly("jo");
	}

	@Test
	void aResendIsANewPendingNotificationWithTheSameContentToTheAssigneeAsTheyAreNow() {
		Notification failed = plan(Alert.Kind.BREACH, "jo").failed("The SMTP server refused the email (550)", NOW);
		StaffDirectory corrected = StaffDirectory
			.tolerant(List.of(new StaffMember("jo", "Jo", "jo@new.charter.local", "enquiries", "sam", true),
					new StaffMember("sam", "Sam", "sam@charter.local", "enquiries", null, true)));

		Notification resent = failed.resend("event-2", corrected, NOW.plusSeconds(60));

		assertThat(resent.status()).isEqualTo(Status.PENDING);
		assertThat(resent.resendOf()).isEqualTo(failed.id());
		assertThat(resent.messageId()).isEqualTo("<event-2@charter.healthwatchportsmouth>");
		assertThat(resent.alert()).isEqualTo(failed.alert());
		assertThat(resent.subject()).isEqualTo(failed.subject());
		assertThat(resent.recipients()).extracting(Recipient::address)
			.containsExactly("jo@new.charter.local", "sam@charter.local");
		assertThatIllegalStateException().isThrownBy(() -> resent.resend("event-3", corrected, NOW));
	}

	@Test
	void aRepeatedEventIsRecordedAsASuppressedDuplicateThatIsNeverSentNorResent() {
		Notification original = plan(Alert.Kind.BREACH, "jo");

		Notification repeat = original.suppressedRepeat("event-1#dup-x", NOW.plusSeconds(5));

		assertThat(repeat.id()).isEqualTo("event-1#dup-x");
		assertThat(repeat.status()).isEqualTo(Status.SUPPRESSED);
		assertThat(repeat.duplicateOf()).isEqualTo("event-1");
		assertThat(repeat.alert()).isEqualTo(original.alert());
		assertThat(repeat.recipients()).isEqualTo(original.recipients());
		assertThat(repeat.createdAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(repeat.messageId()).isNull();
		assertThat(repeat.nextAttemptAt()).isNull();
		assertThat(repeat.attempts()).isZero();
		assertThatIllegalStateException().isThrownBy(() -> repeat.sent(NOW));
		assertThatIllegalStateException().isThrownBy(() -> repeat.resend("event-2", STAFF, NOW))
			.withMessageContaining("resend event-1");
		assertThat(original.duplicateOf()).isNull();
	}

	@Test
	void aHeldNotificationIsDueAgainAtOnceWithoutCountingAnAttempt() {
		Notification held = plan(Alert.Kind.REMINDER, "jo").held("circuit open", NOW.plusSeconds(5));

		assertThat(held.status()).isEqualTo(Status.PENDING);
		assertThat(held.attempts()).isZero();
		assertThat(held.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(held.lastError()).isEqualTo("circuit open");
	}

	@Test
	void aBreachStillReachesTheAssigneeWhenTheirManagerHasLeft() {
		Notification notification = plan(Alert.Kind.BREACH, "lee");

		assertThat(notification.status()).isEqualTo(Status.PENDING);
		assertThat(notification.recipients()).extracting(Recipient::staffId).containsExactly("lee");
	}

	@Test
	void anUnknownAssigneeFailsAtOnceAndIsStillFindableByTheirId() {
		Notification notification = plan(Alert.Kind.REMINDER, "ghost");

		assertThat(notification.status()).isEqualTo(Status.FAILED);
		assertThat(notification.failureReason()).isEqualTo("Unknown staff member 'ghost'");
		assertThat(notification.recipients()).containsExactly(new Recipient(Role.TO, "ghost", null, null));
		assertThat(notification.nextAttemptAt()).isNull();
		assertThat(notification.attempts()).isZero();
	}

	@Test
	void anAssigneeWhoHasLeftFailsAtOnce() {
		Notification notification = plan(Alert.Kind.BREACH, "kit");

		assertThat(notification.status()).isEqualTo(Status.FAILED);
		assertThat(notification.failureReason()).isEqualTo("Staff member 'kit' is not active");
	}

	@Test
	void anEventWithoutAssigneeFailsAtOnce() {
		Notification notification = plan(Alert.Kind.REMINDER, null);

		assertThat(notification.status()).isEqualTo(Status.FAILED);
		assertThat(notification.failureReason()).isEqualTo("The event names no assignee");
		assertThat(notification.recipients()).isEmpty();
	}

	@Test
	void aTemporaryFailureKeepsItPendingUntilTheBackoffIsOver() {
		Instant firstTry = NOW.plusSeconds(1);
		Notification once = plan(Alert.Kind.REMINDER, "jo").claimedUntil(NOW.plusSeconds(60))
			.deferred("The SMTP server could not be reached", firstTry, BACKOFF);

		assertThat(once.status()).isEqualTo(Status.PENDING);
		assertThat(once.attempts()).isEqualTo(1);
		assertThat(once.lastError()).isEqualTo("The SMTP server could not be reached");
		assertThat(once.nextAttemptAt()).isEqualTo(firstTry.plusSeconds(5));

		Instant secondTry = once.nextAttemptAt();
		Notification twice = once.deferred("still down", secondTry, BACKOFF);
		assertThat(twice.attempts()).isEqualTo(2);
		assertThat(twice.nextAttemptAt()).isEqualTo(secondTry.plusSeconds(10));
	}

	@Test
	void sendingRecordsWhenAndClearsTheLastError() {
		Instant later = NOW.plusSeconds(30);
		Notification sent = plan(Alert.Kind.REMINDER, "jo").deferred("down", NOW, BACKOFF).sent(later);

		assertThat(sent.status()).isEqualTo(Status.SENT);
		assertThat(sent.sentAt()).isEqualTo(later);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.nextAttemptAt()).isNull();
		assertThat(sent.lastError()).isNull();
	}

	@Test
	void aPermanentFailureIsFinal() {
		Notification failed = plan(Alert.Kind.REMINDER, "jo").failed("550 mailbox unavailable", NOW);

		assertThat(failed.status()).isEqualTo(Status.FAILED);
		assertThat(failed.failureReason()).isEqualTo("550 mailbox unavailable");
		assertThat(failed.nextAttemptAt()).isNull();
		assertThatIllegalStateException().isThrownBy(() -> failed.sent(NOW));
		assertThatIllegalStateException().isThrownBy(() -> failed.deferred("again", NOW, BACKOFF));
	}

	@Test
	void keepsTheFactsTheEmailIsWrittenFrom() {
		Notification notification = plan(Alert.Kind.BREACH, "jo");

		assertThat(notification.alert()).isEqualTo(alert(Alert.Kind.BREACH));
	}

	private static Notification plan(Alert.Kind kind, String assigneeId) {
		return Notification.plan("event-1", alert(kind), assigneeId, STAFF, "subject", NOW);
	}

	private static Alert alert(Alert.Kind kind) {
		return new Alert(kind, "C-1", "clock-1", "EMAIL", DUE);
	}

}
