package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.util.List;

/** One page of complaints and how many match in all. */
record ComplaintPage(List<StoredComplaint> complaints, int page, int size, long total) {

}
