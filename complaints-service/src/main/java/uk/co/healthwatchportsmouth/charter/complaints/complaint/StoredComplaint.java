package uk.co.healthwatchportsmouth.charter.complaints.complaint;

/** A complaint and the version it was read at (its ETag). */
public record StoredComplaint(Complaint complaint, long version) {

}
