/**
 * Production and trade statistics: each Participant's returns per half-year and quarter, by form
 * or CSV, with earlier submissions kept; the Working Group on Statistics' mirror check and list of
 * missing returns; and the public annual summary of the years the group has closed.
 */
package org.kimberleyprocess.portal.statistics;
