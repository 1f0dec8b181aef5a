/**
 * Review visits: a Participant offers to host one, the Working Group on Monitoring accepts it,
 * forms and confirms the team, schedules the visit, and adopts its report.
 */
package org.kimberleyprocess.portal.reviewvisits;
