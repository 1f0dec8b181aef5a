/**
 * Annual reports: the template and due date the Working Group on Monitoring's chair sets per
 * reporting year, each Participant's report drafted in the documents module and submitted by its
 * head or alternate, the sections it makes public, reminders, the review and its outcome, the
 * compliance board and the public register.
 */
package org.kimberleyprocess.portal.annualreports;
