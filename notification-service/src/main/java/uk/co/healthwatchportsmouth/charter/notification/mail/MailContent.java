package uk.co.healthwatchportsmouth.charter.notification.mail;

/**
 * One email's words, in a plain-text and an HTML version saying the same thing.
 */
public record MailContent(String subject, String text, String html) {

}
