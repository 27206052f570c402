package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** How the complaint reached us (the channels of charter contacts). */
public enum Channel {

	EMAIL, PHONE, ANSWERPHONE, LETTER, WEB_FORM, IN_PERSON, SOCIAL_MEDIA

}
