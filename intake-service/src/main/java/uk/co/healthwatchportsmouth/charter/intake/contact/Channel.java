package uk.co.healthwatchportsmouth.charter.intake.contact;

/**
 * How a customer reached us. The charter sets a response standard for some channels
 * (email, answerphone, letter); the SLA service decides which clock, if any, a channel
 * starts.
 */
public enum Channel {

	EMAIL, PHONE, ANSWERPHONE, LETTER, WEB_FORM, IN_PERSON, SOCIAL_MEDIA

}
