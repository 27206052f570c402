package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.List;

/** One page of a contact search. */
record ContactPage(List<Contact> contacts, int page, int size, long total) {

}
